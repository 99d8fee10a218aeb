package nhssm.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Lambda entry point of an HTTP function: decodes the HTTP API (payload 2.0) event, hands the request to
 * the function's API and encodes its response, with the headers every response carries
 * ({@link SecurityHeaders#everywhere}). An event that cannot be decoded is refused as
 * {@link Problem#malformed} before the API sees it, the same in every function.
 */
public abstract class HttpFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Function<HttpRequest, HttpResponse> api;

    protected HttpFunction(Function<HttpRequest, HttpResponse> api) {
        this.api = Objects.requireNonNull(api);
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
        return SecurityHeaders.everywhere(api.apply(request)).toEvent();
    }
}
