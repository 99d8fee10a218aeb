package nhssm.local.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.HttpRoute;
import nhssm.local.template.SamTemplate;

/**
 * The routes of an HTTP API and how API Gateway chooses one for a request.
 *
 * <ul>
 *   <li>A route is a method ({@code GET}, …, or {@code ANY}) and a path template. A literal segment
 *       matches itself (case-sensitive), {@code {name}} one whole non-empty segment, and a final
 *       {@code {name+}} one or more segments.</li>
 *   <li>Of the routes that match, the most specific wins: comparing segment by segment from the
 *       left, a literal beats a parameter, which beats a greedy parameter; on equal paths an explicit
 *       method beats {@code ANY}.</li>
 *   <li>The {@code $default} route, if there is one, catches what no other route matches, including
 *       a known path asked for with a method it has no route for.</li>
 *   <li>Nothing matches: empty, and the caller answers 404 {@code {"message":"Not Found"}}. A path
 *       that exists with another method is also a 404, not a 405.</li>
 * </ul>
 *
 * Path parameters are percent-decoded (UTF-8; a {@code +} stays a {@code +}); the raw path is
 * split on {@code /} first, so an encoded {@code %2F} stays inside its segment.
 *
 * <p>A {@link HttpRoute} whose path is {@code $default} (or empty, as SAM writes an HttpApi event
 * with neither Path nor Method) is the {@code $default} route.
 */
public final class RouteTable {

    /** The route key of the catch-all route. */
    public static final String DEFAULT_ROUTE_KEY = "$default";

    private static final String ANY = "ANY";

    private final List<Entry> routes;
    private final Optional<Entry> defaultRoute;

    private RouteTable(List<Entry> routes, Optional<Entry> defaultRoute) {
        this.routes = List.copyOf(routes);
        this.defaultRoute = defaultRoute;
    }

    /** The HttpApi routes of every function of the template. */
    public static RouteTable of(SamTemplate template) {
        return of(template.routes());
    }

    static RouteTable of(Map<HttpRoute, FunctionDefinition> routes) {
        List<Entry> entries = new ArrayList<>();
        Entry defaultRoute = null;
        for (Map.Entry<HttpRoute, FunctionDefinition> e : routes.entrySet()) {
            HttpRoute route = e.getKey();
            String function = e.getValue().logicalId();
            if (isDefault(route)) {
                if (defaultRoute != null) {
                    throw new IllegalArgumentException("two $default routes: " + defaultRoute.functionLogicalId()
                            + " and " + function);
                }
                defaultRoute = new Entry(DEFAULT_ROUTE_KEY, null, List.of(), function);
                continue;
            }
            String method = normalizeMethod(route.method());
            List<Segment> segments = parse(route.path());
            entries.add(new Entry(method + " " + route.path(), method, segments, function));
        }
        return new RouteTable(entries, Optional.ofNullable(defaultRoute));
    }

    /** The route API Gateway would choose for this request, if any. */
    public Optional<RouteMatch> match(String method, String rawPath) {
        String requestMethod = method.toUpperCase(Locale.ROOT);
        List<String> rawSegments = split(rawPath);
        Entry best = null;
        Map<String, String> bestParameters = null;
        if (rawSegments != null) {
            for (Entry entry : routes) {
                if (!entry.method().equals(requestMethod) && !entry.method().equals(ANY)) {
                    continue;
                }
                Map<String, String> parameters = entry.match(rawSegments);
                if (parameters != null && (best == null || SPECIFICITY.compare(entry, best) < 0)) {
                    best = entry;
                    bestParameters = parameters;
                }
            }
        }
        if (best != null) {
            return Optional.of(new RouteMatch(best.routeKey(), best.functionLogicalId(), bestParameters));
        }
        return defaultRoute.map(d -> new RouteMatch(DEFAULT_ROUTE_KEY, d.functionLogicalId(), Map.of()));
    }

    /** The route keys served, for a start-up listing. */
    public List<String> routeKeys() {
        List<String> keys = new ArrayList<>(routes.stream().map(Entry::routeKey).toList());
        defaultRoute.ifPresent(d -> keys.add(DEFAULT_ROUTE_KEY));
        return List.copyOf(keys);
    }

    static boolean isDefault(HttpRoute route) {
        return route.path() == null || route.path().isBlank() || route.path().equals(DEFAULT_ROUTE_KEY);
    }

    private static String normalizeMethod(String method) {
        if (method == null || method.isBlank() || method.equals("*")
                || method.equalsIgnoreCase("x-amazon-apigateway-any-method")) {
            return ANY;
        }
        return method.strip().toUpperCase(Locale.ROOT);
    }

    private static List<Segment> parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path must start with /: " + path);
        }
        List<String> raw = path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (s.startsWith("{") && s.endsWith("}") && s.length() > 2) {
                String name = s.substring(1, s.length() - 1);
                if (name.endsWith("+")) {
                    if (i != raw.size() - 1) {
                        throw new IllegalArgumentException("a greedy path variable must end the path: " + path);
                    }
                    segments.add(new Segment(Kind.GREEDY, name.substring(0, name.length() - 1)));
                } else {
                    segments.add(new Segment(Kind.PARAMETER, name));
                }
            } else {
                segments.add(new Segment(Kind.LITERAL, s));
            }
        }
        return List.copyOf(segments);
    }

    /** The raw path's segments, or null if it is not an absolute path. */
    private static List<String> split(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        return rawPath.equals("/") ? List.of() : Arrays.asList(rawPath.substring(1).split("/", -1));
    }

    /**
     * Percent-decodes a path segment as UTF-8 ({@code +} is not a space in a path). A segment that is
     * not valid percent-encoded UTF-8 is returned as it came.
     */
    static String decodePathSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return raw;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return raw;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        String decoded = HttpApiEvent.utf8(bytes.toByteArray());
        return decoded == null ? raw : decoded;
    }

    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    /** Most specific first: by segment kinds from the left, then an explicit method before ANY. */
    private static final Comparator<Entry> SPECIFICITY = (a, b) -> {
        int n = Math.min(a.segments().size(), b.segments().size());
        for (int i = 0; i < n; i++) {
            int c = a.segments().get(i).kind().compareTo(b.segments().get(i).kind());
            if (c != 0) {
                return c;
            }
        }
        // Both matched the same request with the same kinds so far: the longer one spells out more.
        int c = Integer.compare(b.segments().size(), a.segments().size());
        if (c != 0) {
            return c;
        }
        return Boolean.compare(a.method().equals(ANY), b.method().equals(ANY));
    };

    private record Entry(String routeKey, String method, List<Segment> segments, String functionLogicalId) {

        /** The decoded path parameters if this route's path matches, else null. */
        Map<String, String> match(List<String> raw) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                if (segment.kind() == Kind.GREEDY) {
                    if (i >= raw.size()) {
                        return null;
                    }
                    List<String> rest = raw.subList(i, raw.size());
                    String value = String.join("/", rest.stream().map(RouteTable::decodePathSegment).toList());
                    if (value.isEmpty()) {
                        return null;
                    }
                    parameters.put(segment.text(), value);
                    return parameters;
                }
                if (i >= raw.size()) {
                    return null;
                }
                String value = decodePathSegment(raw.get(i));
                if (segment.kind() == Kind.LITERAL) {
                    if (!segment.text().equals(value)) {
                        return null;
                    }
                } else {
                    if (value.isEmpty()) {
                        return null;
                    }
                    parameters.put(segment.text(), value);
                }
            }
            return raw.size() == segments.size() ? parameters : null;
        }
    }
}
