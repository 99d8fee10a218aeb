package nhssm.local.http;

import static nhssm.local.http.Fixtures.defaultRoute;
import static nhssm.local.http.Fixtures.function;
import static nhssm.local.http.Fixtures.route;
import static nhssm.local.http.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    // The example of API Gateway's developer guide, "Routing API requests" (HTTP APIs), plus a route of our own.
    private final RouteTable table = RouteTable.of(template(
            function("Exact", route("GET", "/pets/dog/1")),
            function("Param", route("GET", "/pets/dog/{id}")),
            function("Greedy", route("GET", "/pets/{proxy+}")),
            function("AnyGreedy", route("ANY", "/{proxy+}")),
            function("Responses", route("GET", "/api/rounds/{round}/responses/{id}"),
                    route("PUT", "/api/rounds/{round}/responses/{id}"))));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /pets/dog/1, GET /pets/dog/1",
            "GET, /pets/dog/2, GET /pets/dog/{id}",
            "GET, /pets/cat/1, GET /pets/{proxy+}",
            "POST, /pets/cat, ANY /{proxy+}",
            "GET, /pets, ANY /{proxy+}",
            "HEAD, /pets/dog/1, ANY /{proxy+}",
            "GET, /api/rounds/2026/responses/abc, GET /api/rounds/{round}/responses/{id}",
            "PUT, /api/rounds/2026/responses/abc, PUT /api/rounds/{round}/responses/{id}",
    })
    void theMostSpecificMatchingRouteWins(String method, String path, String routeKey) {
        assertThat(table.match(method, path)).map(RouteMatch::routeKey).contains(routeKey);
    }

    @Test
    void pathParametersAreTakenFromTheRouteTemplate() {
        RouteMatch match = table.match("GET", "/api/rounds/2026/responses/6f1c").orElseThrow();

        assertThat(match.functionLogicalId()).isEqualTo("Responses");
        assertThat(match.pathParameters()).containsExactly(Map.entry("round", "2026"), Map.entry("id", "6f1c"));
    }

    @Test
    void aGreedyParameterTakesTheRestOfThePath() {
        assertThat(table.match("GET", "/pets/cat/1/toys").orElseThrow().pathParameters())
                .containsExactly(Map.entry("proxy", "cat/1/toys"));
    }

    @Test
    void pathParametersArePercentDecodedAsUtf8AndAPlusStaysAPlus() {
        RouteMatch match = table.match("GET", "/api/rounds/2026/responses/caf%C3%A9%20au+lait%2Fnoir").orElseThrow();

        assertThat(match.pathParameters()).containsEntry("id", "café au+lait/noir");
    }

    @Test
    void anExplicitMethodBeatsAnyOnTheSamePath() {
        RouteTable routes = RouteTable.of(template(
                function("Any", route("ANY", "/things")),
                function("Get", route("GET", "/things"))));

        assertThat(routes.match("GET", "/things")).map(RouteMatch::functionLogicalId).contains("Get");
        assertThat(routes.match("DELETE", "/things")).map(RouteMatch::functionLogicalId).contains("Any");
    }

    @Test
    void aLiteralSegmentBeatsAParameterWhateverTheMethod() {
        RouteTable routes = RouteTable.of(template(
                function("Param", route("GET", "/things/{id}")),
                function("Literal", route("ANY", "/things/new"))));

        assertThat(routes.match("GET", "/things/new")).map(RouteMatch::functionLogicalId).contains("Literal");
        assertThat(routes.match("GET", "/things/7")).map(RouteMatch::functionLogicalId).contains("Param");
    }

    @Test
    void noRouteForThePathOrTheMethodIsNoMatch() {
        RouteTable routes = RouteTable.of(template(function("Collect",
                route("GET", "/api/rounds/{round}/definition"),
                route("POST", "/api/rounds/{round}/responses"))));

        assertThat(routes.match("GET", "/api/rounds/2026/nothing")).isEmpty();
        assertThat(routes.match("DELETE", "/api/rounds/2026/definition")).isEmpty(); // 404, not 405
        assertThat(routes.match("GET", "/api/rounds/2026/definition/")).isEmpty(); // no trailing-slash folding
        assertThat(routes.match("GET", "/api/rounds//definition")).isEmpty(); // a parameter is never empty
        assertThat(routes.match("GET", "/API/rounds/2026/definition")).isEmpty(); // paths are case-sensitive
        assertThat(routes.match("get", "/api/rounds/2026/definition")).isPresent(); // methods are not
    }

    @Test
    void aGreedyParameterNeedsAtLeastOneSegment() {
        RouteTable routes = RouteTable.of(template(function("Files", route("GET", "/files/{path+}"))));

        assertThat(routes.match("GET", "/files")).isEmpty();
        assertThat(routes.match("GET", "/files/")).isEmpty();
        assertThat(routes.match("GET", "/files/a")).isPresent();
    }

    @Test
    void theDefaultRouteCatchesWhatNothingElseMatchesWithoutPathParameters() {
        RouteTable routes = RouteTable.of(template(
                function("Get", route("GET", "/things/{id}")),
                function("Fallback", defaultRoute())));

        Optional<RouteMatch> wrongMethod = routes.match("POST", "/things/1");
        Optional<RouteMatch> unknownPath = routes.match("GET", "/elsewhere");

        assertThat(wrongMethod).contains(new RouteMatch("$default", "Fallback", Map.of()));
        assertThat(unknownPath).contains(new RouteMatch("$default", "Fallback", Map.of()));
        assertThat(routes.match("GET", "/things/1")).map(RouteMatch::routeKey).contains("GET /things/{id}");
        assertThat(routes.routeKeys()).containsExactly("GET /things/{id}", "$default");
    }

    @Test
    void aGreedyParameterMustEndThePath() {
        assertThatThrownBy(() -> RouteTable.of(template(function("Bad", route("GET", "/a/{rest+}/b")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/a/{rest+}/b");
    }
}
