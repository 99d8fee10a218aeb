package nhssm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Issues survey links through a running API, as its users do: the census team invites a trust's lead with
 * the admin token, and a lead creates a staff link for its trust. For the tests and benchmarks that need
 * respondents on the local system.
 */
public final class SurveyLinks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

    /** A token, returned once, and the survey link that carries it (resolved against the API). */
    public record Link(String token, URI surveyLink) {
    }

    private final HttpClient http;
    private final URI api;
    private final String round;

    public SurveyLinks(HttpClient http, URI api, String round) {
        this.http = http;
        this.api = api;
        this.round = round;
    }

    /** The census team invites the trust {@code odsCode}: its lead's token and link. */
    public Link inviteLead(String adminToken, String odsCode) {
        try {
            return post("/api/admin/rounds/" + round + "/invitations", adminToken,
                    JSON.writeValueAsString(JSON.createObjectNode().put("odsCode", odsCode)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A trust's lead creates a staff link: a staff token of the lead's trust, and its link. */
    public Link staffLink(String leadToken) {
        return post("/api/rounds/" + round + "/staff-links", leadToken, null);
    }

    private Link post(String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_LIMIT)
                .header("authorization", "Bearer " + bearer);
        request = json == null
                ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new Link(body.path("token").asText(), api.resolve(body.path("surveyLink").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
