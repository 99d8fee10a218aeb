package nhssm.report.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A GET of a report as an HTTP API (payload 2.0) delivers it: the route API Gateway matched, lower-case
 * header names, and the path parameters of that route.
 */
final class ReportEvent {

    static final String NATIONAL_ROUTE = "/reports/{round}/{file}";
    static final String TRUST_ROUTE = "/reports/{round}/trusts/{file}";

    private final String route;
    private final String round;
    private final String file;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ReportEvent(String route, String round, String file) {
        this.route = route;
        this.round = round;
        this.file = file;
    }

    /** {@code GET /reports/{round}/{file}}, e.g. national("2026", "national.pdf"). */
    static ReportEvent national(String round, String file) {
        return new ReportEvent(NATIONAL_ROUTE, round, file);
    }

    /** {@code GET /reports/{round}/trusts/{file}}, e.g. trust("2026", "RJ1.pdf"). */
    static ReportEvent trust(String round, String file) {
        return new ReportEvent(TRUST_ROUTE, round, file);
    }

    ReportEvent header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    ReportEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    APIGatewayV2HTTPEvent build() {
        String path = route.replace("{round}", round).replace("{file}", file);
        String routeKey = "GET " + route;
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath(path);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        http.setUserAgent("nhssm-test");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setRequestId("test-request");
        context.setHttp(http);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(path);
        event.setRawQueryString("");
        event.setHeaders(new LinkedHashMap<>(headers));
        event.setPathParameters(Map.of("round", round, "file", file));
        event.setRequestContext(context);
        return event;
    }
}
