package nhssm.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import nhssm.telemetry.EmbeddedMetrics;
import nhssm.telemetry.FunctionLog;

/**
 * The Lambda entry point of an HTTP function: decodes the HTTP API (payload 2.0) event, hands the request to
 * the function's API and encodes its response, with the headers every response carries
 * ({@link SecurityHeaders#everywhere}). An event that cannot be decoded is refused as
 * {@link Problem#malformed} before the API sees it, the same in every function. What the function counts of each
 * request ({@link RequestMetrics}) is written as embedded metrics; its logs go through the Lambda runtime's logger.
 */
public abstract class HttpFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static {
        FunctionLog.install();
    }

    private final Function<HttpRequest, HttpResponse> api;
    private final RequestMetrics metrics;
    private final EmbeddedMetrics out;

    protected HttpFunction(Function<HttpRequest, HttpResponse> api) {
        this(api, "http", RequestMetrics.NONE);
    }

    /** @param function the metrics' Function dimension (collect, report) */
    protected HttpFunction(Function<HttpRequest, HttpResponse> api, String function, RequestMetrics metrics) {
        this.api = Objects.requireNonNull(api);
        this.metrics = Objects.requireNonNull(metrics);
        this.out = EmbeddedMetrics.of(function);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request;
        try {
            request = HttpRequest.from(event);
        } catch (MalformedRequestException e) {
            return SecurityHeaders.everywhere(SecurityHeaders.privateJson(Problem.malformed(e.getMessage()).toResponse()))
                    .toEvent();
        }
        long start = System.nanoTime();
        HttpResponse response = SecurityHeaders.everywhere(api.apply(request));
        out.emit(metrics.of(request, response, Duration.ofNanos(System.nanoTime() - start)));
        return response.toEvent();
    }
}
