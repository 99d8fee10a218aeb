package nhssm.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container credentials endpoint over loopback, beside a Runtime API, as a function's SDK reaches it. */
class ContainerCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LambdaRuntimeApi api;
    private ContainerCredentials credentials;

    @BeforeEach
    void start() throws Exception {
        api = LambdaRuntimeApi.start("arn:aws:lambda:eu-west-2:123456789012:function:F", Duration.ofSeconds(3));
        credentials = new ContainerCredentials(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));
        api.serve(ContainerCredentials.PATH, credentials);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aRequestWithTheToken_shouldGetTemporaryCredentials_newOnEveryRequest() throws Exception {
        JsonNode first = json(get(credentials.authorizationToken()));
        JsonNode second = json(get(credentials.authorizationToken()));

        assertThat(first.path("AccessKeyId").asText()).matches("ASIA[A-Z2-7]{16}");
        assertThat(first.path("SecretAccessKey").asText()).isNotBlank();
        assertThat(first.path("Token").asText()).isNotBlank();
        assertThat(Instant.parse(first.path("Expiration").asText())).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(second.path("AccessKeyId").asText()).isNotEqualTo(first.path("AccessKeyId").asText());
        assertThat(second.path("SecretAccessKey").asText()).isNotEqualTo(first.path("SecretAccessKey").asText());
        assertThat(credentials.served()).isEqualTo(2);
    }

    @Test
    void aRequestWithoutTheToken_orWithAnother_shouldBeRefused() throws Exception {
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = get(credentials.authorizationToken() + "x");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("AccessKeyId");
        assertThat(credentials.refused()).isEqualTo(2);
        assertThat(credentials.served()).isZero();
    }

    @Test
    void everySandbox_shouldHaveATokenOfItsOwn() {
        assertThat(new ContainerCredentials().authorizationToken()).isNotEqualTo(credentials.authorizationToken());
    }

    private HttpResponse<String> get(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri()).header("Authorization", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://" + api.address() + ContainerCredentials.PATH);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
