package nhssm.local.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * A sandbox's container credentials endpoint, as Lambda gives one to a SnapStart function: served on loopback beside
 * the Runtime API at {@value #PATH}, named to the function by {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, and
 * answering only a request whose {@code Authorization} header is the sandbox's {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.
 * Every answer is a new set of temporary credentials ({@code AccessKeyId}, {@code SecretAccessKey}, {@code Token},
 * {@code Expiration}) that expires {@link #LIFETIME} after it was issued, so a client that keeps one past its expiry,
 * or fetches none, is seen. An on-demand function gets one such set in its environment instead ({@link #issue}).
 */
public final class ContainerCredentials implements HttpHandler {

    public static final String PATH = "/2021-04-23/credentials";
    /** Short, so that the SDK's refresh before expiry is exercised in a long local run. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final String authorizationToken;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** One set of temporary credentials. */
    public record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    }

    public ContainerCredentials() {
        this(Clock.systemUTC(), LIFETIME);
    }

    ContainerCredentials(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.authorizationToken = base64(32);
    }

    /** The value of AWS_CONTAINER_AUTHORIZATION_TOKEN for the sandbox. */
    public String authorizationToken() {
        return authorizationToken;
    }

    /** A new set of credentials, valid for the lifetime from now. */
    public Issued issue() {
        StringBuilder key = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            key.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        return new Issued(key.toString(), base64(30), base64(96),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS));
    }

    /** How many requests were answered with credentials. */
    public int served() {
        return served.get();
    }

    /** How many requests were refused for a missing or wrong authorization token, or a method other than GET. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
                refused.incrementAndGet();
                send(exchange, 404, message("Not found"));
                return;
            }
            if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                    authorizationToken.getBytes(StandardCharsets.UTF_8))) {
                refused.incrementAndGet();
                send(exchange, 401, message("Missing or invalid authorization token"));
                return;
            }
            Issued issued = issue();
            ObjectNode body = JSON.createObjectNode()
                    .put("AccessKeyId", issued.accessKeyId())
                    .put("SecretAccessKey", issued.secretAccessKey())
                    .put("Token", issued.sessionToken())
                    .put("Expiration", issued.expiration().toString());
            served.incrementAndGet();
            send(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private static String message(String text) {
        return JSON.createObjectNode().put("message", text).toString();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
