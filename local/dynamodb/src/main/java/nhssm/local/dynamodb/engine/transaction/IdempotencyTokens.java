package nhssm.local.dynamodb.engine.transaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * TransactWriteItems' ClientRequestToken: for 10 minutes a successful request sent again with its token is
 * answered as before without being applied again; another request with that token is refused.
 */
final class IdempotencyTokens {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Done(JsonNode request, ObjectNode response, Instant expires) {
    }

    private final ConcurrentHashMap<String, Done> done = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[256];
    private final Clock clock;

    IdempotencyTokens(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** Runs {@code transaction} once per token and request; the same token and request again get its response. */
    ObjectNode once(String token, JsonNode request, Supplier<ObjectNode> transaction) {
        // Two requests with one token wait for each other, so the second sees the first's outcome.
        synchronized (stripes[Math.floorMod(token.hashCode(), stripes.length)]) {
            Instant now = clock.instant();
            done.values().removeIf(d -> d.expires().isBefore(now));
            Optional<Done> previous = Optional.ofNullable(done.get(token));
            if (previous.isPresent()) {
                if (!previous.get().request().equals(request)) {
                    throw new DynamoDbError(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                            "The request uses the same client token as a previous, but non-identical request.");
                }
                return previous.get().response().deepCopy();
            }
            ObjectNode response = transaction.get();
            done.put(token, new Done(request.deepCopy(), response.deepCopy(), now.plus(WINDOW)));
            return response;
        }
    }
}
