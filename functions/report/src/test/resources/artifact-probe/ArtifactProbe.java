import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Run with the Java source launcher and ONLY a Lambda artifact on the class path (its root and
 * lib/*.jar): loads the handler named in argument 0 the way the Lambda runtime does (by name,
 * no-argument constructor, environment from the process), asks it for three reports, prints one line
 * per response ("status content-type body", a file's first bytes only) and writes each 200's decoded body into the
 * directory named in argument 2.
 */
public class ArtifactProbe {

    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                        Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Path out = Path.of(args[2]);
        // Fonts from a jar in lib/, statistics, the document model and PDFBox: the whole rendering path.
        print(handler.handleRequest(event("/reports/{round}/{file}", "2026", "national.pdf", Map.of()), null),
                out.resolve("national.pdf"));
        // The list of rounds, read from the core jar.
        print(handler.handleRequest(event("/reports/{round}/{file}", "1999", "national.pdf", Map.of()), null), null);
        // Reaches DynamoDB for the token and the records: proves the SDK and its HTTP client are packaged and work.
        print(handler.handleRequest(event("/reports/{round}/trusts/{file}", "2026", "RJ1.pdf",
                Map.of("authorization", "Bearer " + args[1])), null), out.resolve("RJ1.pdf"));
    }

    private static APIGatewayV2HTTPEvent event(String route, String round, String file, Map<String, String> headers) {
        String path = route.replace("{round}", round).replace("{file}", file);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath(path);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRouteKey("GET " + route);
        context.setRequestId("probe");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("GET " + route);
        event.setRawPath(path);
        event.setPathParameters(Map.of("round", round, "file", file));
        event.setHeaders(headers);
        event.setRequestContext(context);
        return event;
    }

    private static void print(APIGatewayV2HTTPResponse response, Path saveTo) throws Exception {
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes("UTF-8");
        if (response.getStatusCode() == 200 && saveTo != null) {
            Files.write(saveTo, bytes);
        }
        // A file's first bytes; a problem document whole.
        int shown = response.getIsBase64Encoded() ? Math.min(40, bytes.length) : bytes.length;
        String start = new String(bytes, 0, shown, "ISO-8859-1").replaceAll("\\s", " ");
        System.out.println(response.getStatusCode() + " " + response.getHeaders().get("content-type") + " " + start);
    }
}
