package nhssm.http.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a request event as an HTTP API (payload 2.0) delivers it: lower-case header names, path
 * parameters from the route template, and a form or binary body base64-encoded with
 * isBase64Encoded true (JSON and text/* arrive as plain text). Test support for every HTTP function
 * (this module's test-jar).
 */
public final class HttpApiEvent {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)}");

    private final String method;
    private final String routePath;
    private final String rawPath;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private String rawQueryString = "";
    private byte[] body;

    private HttpApiEvent(String method, String routePath, String rawPath) {
        this.method = method;
        this.routePath = routePath;
        this.rawPath = rawPath;
    }

    /** A request for {@code rawPath}, matched to the route {@code routePath} as API Gateway would. */
    public static HttpApiEvent request(String method, String routePath, String rawPath) {
        return new HttpApiEvent(method, routePath, rawPath);
    }

    public HttpApiEvent header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /** The raw query string, as the browser sent it (API Gateway also parses it, joining repeats with commas). */
    public HttpApiEvent query(String rawQueryString) {
        this.rawQueryString = rawQueryString;
        return this;
    }

    /** One cookie, as {@code name=value}: payload 2.0 delivers the Cookie header split into these. */
    public HttpApiEvent cookie(String nameValue) {
        cookies.add(nameValue);
        return this;
    }

    public HttpApiEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    public HttpApiEvent json(String json) {
        header("content-type", "application/json");
        return body(json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpApiEvent form(String urlEncoded) {
        header("content-type", "application/x-www-form-urlencoded");
        return body(urlEncoded.getBytes(StandardCharsets.UTF_8));
    }

    public HttpApiEvent body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String routeKey = method + " " + routePath;
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
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
        event.setRawPath(rawPath);
        event.setRawQueryString(rawQueryString);
        if (!rawQueryString.isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : rawQueryString.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.merge(nameValue[0], nameValue.length > 1 ? nameValue[1] : "", (a, b) -> a + "," + b);
            }
            event.setQueryStringParameters(parameters);
        }
        if (!cookies.isEmpty()) {
            event.setCookies(List.copyOf(cookies));
        }
        event.setHeaders(new LinkedHashMap<>(headers));
        event.setPathParameters(pathParameters());
        event.setRequestContext(context);
        if (body != null) {
            String type = headers.getOrDefault("content-type", "");
            boolean text = type.startsWith("application/json") || type.startsWith("text/");
            event.setIsBase64Encoded(!text);
            event.setBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        return event;
    }

    private Map<String, String> pathParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        String[] route = routePath.split("/");
        String[] path = rawPath.split("/", -1);
        for (int i = 0; i < route.length && i < path.length; i++) {
            Matcher m = PARAMETER.matcher(route[i]);
            if (m.matches()) {
                parameters.put(m.group(1), path[i]);
            }
        }
        return parameters;
    }
}
