import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * Run with the Java source launcher and ONLY a Lambda artifact on the class path (its root and
 * lib/*.jar): loads the handler named in argument 0 the way the Lambda runtime does (by name,
 * no-argument constructor, environment from the process), sends it two requests, and prints
 * one line per response: "status body".
 */
public class ArtifactProbe {

    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                        Class.forName(args[0]).getDeclaredConstructor().newInstance();
        print(handler.handleRequest(event("GET", "/api/rounds/{round}/definition", "/api/rounds/2026/definition",
                Map.of("round", "2026"), Map.of(), null), null));
        // Reaches DynamoDB: proves the SDK and its HTTP client are packaged and work.
        print(handler.handleRequest(event("POST", "/api/rounds/{round}/responses", "/api/rounds/2026/responses",
                Map.of("round", "2026"),
                Map.of("authorization", "Bearer " + args[1], "content-type", "application/json"),
                "{\"status\":\"DRAFT\",\"answers\":{\"Q02\":\"OTHER\"}}"), null));
    }

    private static APIGatewayV2HTTPEvent event(String method, String route, String path, Map<String, String> params,
            Map<String, String> headers, String body) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRouteKey(method + " " + route);
        context.setRequestId("probe");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(method + " " + route);
        event.setRawPath(path);
        event.setPathParameters(params);
        event.setHeaders(headers);
        event.setRequestContext(context);
        event.setBody(body);
        return event;
    }

    private static void print(APIGatewayV2HTTPResponse response) {
        String body = response.getBody() == null ? "" : response.getBody();
        System.out.println(response.getStatusCode() + " " + body.substring(0, Math.min(80, body.length())).replace('\n', ' '));
    }
}
