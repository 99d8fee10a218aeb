package nhssm.local.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as it reached the local HTTP API, before API Gateway's translation into an event.
 *
 * @param method         the request method as sent
 * @param rawPath        the path exactly as received (percent-encoding kept), without the query string
 * @param rawQueryString the query string exactly as received, without the {@code ?}; "" when none
 * @param protocol       e.g. {@code HTTP/1.1}
 * @param headers        header names in lower case; each header line's value, in the order received
 * @param body           the body bytes as received; empty when none
 * @param sourceIp       the address of the client's end of the connection
 * @param localPort      the port the request arrived on
 * @param requestId      API Gateway's id for this request
 * @param receivedAt     when the request arrived
 */
public record RequestData(
        String method,
        String rawPath,
        String rawQueryString,
        String protocol,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        int localPort,
        String requestId,
        Instant receivedAt) {

    public RequestData {
        rawQueryString = rawQueryString == null ? "" : rawQueryString;
        body = body == null ? new byte[0] : body;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(lower);
    }

    /** The header's values joined with commas, as API Gateway joins repeated headers; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
