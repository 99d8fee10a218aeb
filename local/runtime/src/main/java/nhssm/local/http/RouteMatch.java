package nhssm.local.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The route API Gateway chose for a request.
 *
 * @param routeKey          e.g. {@code POST /api/rounds/{round}/responses}, or {@code $default}
 * @param functionLogicalId the function integrated with the route
 * @param pathParameters    decoded values of the route's path variables, in path order; empty when it has none
 */
public record RouteMatch(String routeKey, String functionLogicalId, Map<String, String> pathParameters) {

    public RouteMatch {
        pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
    }
}
