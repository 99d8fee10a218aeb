package nhssm.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event API Gateway sends a Lambda function for an HTTP API request, payload format 2.0: a pure
 * function of the request and the route chosen for it.
 *
 * <ul>
 *   <li>{@code rawPath} and {@code rawQueryString} exactly as received ("" when there is no query).</li>
 *   <li>{@code cookies}: the Cookie header split on {@code ;}, omitted when there is none; the Cookie
 *       header itself is not among the {@code headers}.</li>
 *   <li>{@code headers}: names in lower case, repeated headers joined with {@code ,}. Hop-by-hop
 *       headers of the client's connection (Connection, Keep-Alive, Upgrade, TE, Trailer, Expect,
 *       HTTP2-Settings, Transfer-Encoding) are not forwarded; a chunked body is given its
 *       content-length. As API Gateway does, {@code x-forwarded-for} (the client's address appended),
 *       {@code x-forwarded-port}, {@code x-forwarded-proto} and {@code x-amzn-trace-id} (kept if the
 *       client sent one) are added.</li>
 *   <li>{@code queryStringParameters}: decoded ({@code +} is a space), repeated values joined with
 *       {@code ,}; omitted when there is no query.</li>
 *   <li>{@code pathParameters}: decoded; omitted when the route has none.</li>
 *   <li>{@code body}: plain text for text/*, JSON, XML and JavaScript (and their +json / +xml
 *       kinds, with any charset) when the bytes are valid UTF-8; otherwise (forms, multipart, binary,
 *       no Content-Type) base64 with {@code isBase64Encoded} true. Omitted when empty.</li>
 *   <li>{@code requestContext}: accountId {@value #ACCOUNT_ID}, apiId {@value #API_ID}, the Host header
 *       as domainName and its first label as domainPrefix, http {method, path, protocol, sourceIp,
 *       userAgent}, requestId, routeKey, stage {@code $default}, time and timeEpoch.</li>
 * </ul>
 * No authorizer, stage variables or client certificate are configured in the template, so
 * {@code requestContext.authorizer}, {@code stageVariables} and {@code requestContext.authentication}
 * never appear, as on AWS without them.
 */
public final class HttpApiEvent {

    public static final String ACCOUNT_ID = "123456789012";
    public static final String API_ID = "local";
    public static final String STAGE = "$default";

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.US).withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> NOT_FORWARDED = Set.of(
            "cookie", "connection", "keep-alive", "proxy-connection", "upgrade", "te", "trailer",
            "expect", "http2-settings", "transfer-encoding");

    private HttpApiEvent() {
    }

    /** The event as JSON, as the Lambda Invoke API receives it. */
    public static String from(RequestData request, RouteMatch route) {
        try {
            return JSON.writeValueAsString(tree(request, route));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(RequestData request, RouteMatch route) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());

        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }

        ObjectNode headers = event.putObject("headers");
        headers(request).forEach(headers::put);

        Map<String, String> query = queryStringParameters(request.rawQueryString());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        String domainName = domainName(request);
        context.put("domainName", domainName);
        context.put("domainPrefix", domainPrefix(domainName));
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        String userAgent = request.header("user-agent");
        http.put("userAgent", userAgent == null ? "" : userAgent);
        context.put("requestId", request.requestId());
        context.put("routeKey", route.routeKey());
        context.put("stage", STAGE);
        context.put("time", TIME.format(request.receivedAt()));
        context.put("timeEpoch", request.receivedAt().toEpochMilli());

        byte[] body = request.body();
        boolean base64 = false;
        if (body.length > 0) {
            String text = isText(request.header("content-type")) ? utf8(body) : null;
            if (text != null) {
                event.put("body", text);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                base64 = true;
            }
        }
        if (!route.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            route.pathParameters().forEach(parameters::put);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    static List<String> cookies(RequestData request) {
        List<String> cookies = new ArrayList<>();
        for (String header : request.headers().getOrDefault("cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String c = cookie.strip();
                if (!c.isEmpty()) {
                    cookies.add(c);
                }
            }
        }
        return cookies;
    }

    static Map<String, String> headers(RequestData request) {
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        if (request.headers().containsKey("transfer-encoding") && !headers.containsKey("content-length")
                && request.body().length > 0) {
            headers.put("content-length", Integer.toString(request.body().length));
        }
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for",
                forwardedFor == null || forwardedFor.isBlank() ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        headers.put("x-forwarded-port", Integer.toString(request.localPort()));
        headers.put("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(request));
        return headers;
    }

    /** An X-Ray trace header, {@code Root=1-<epoch seconds in hex>-<96 bits>}, derived from the request id. */
    private static String traceId(RequestData request) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(request.requestId().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "Root=1-" + String.format("%08x", request.receivedAt().getEpochSecond())
                + "-" + HexFormat.of().formatHex(digest, 0, 12);
    }

    /** Decoded query parameters in order of first appearance, repeated values joined with commas. */
    static Map<String, String> queryStringParameters(String rawQueryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQueryComponent(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** Form-style decoding: {@code +} is a space, {@code %XX} UTF-8 bytes; malformed input is kept as is. */
    static String decodeQueryComponent(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw.replace('+', ' ');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '%') {
                return raw;
            } else {
                byte[] b = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        String decoded = utf8(bytes.toByteArray());
        return decoded == null ? raw : decoded;
    }

    /** Whether API Gateway passes a body of this Content-Type as text rather than base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String essence = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (essence.startsWith("text/")) {
            return essence.length() > "text/".length();
        }
        if (!essence.startsWith("application/")) {
            return false;
        }
        return essence.equals("application/json") || essence.equals("application/xml")
                || essence.equals("application/javascript")
                || essence.endsWith("+json") || essence.endsWith("+xml");
    }

    private static String domainName(RequestData request) {
        String host = request.header("host");
        return host == null || host.isBlank() ? "127.0.0.1:" + request.localPort() : host;
    }

    /** The first label of the host name (AWS: the API id of {@code id.execute-api…}, or a custom domain's first label). */
    static String domainPrefix(String domainName) {
        String host = domainName;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    /** The bytes as a string if they are valid UTF-8, else null. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
