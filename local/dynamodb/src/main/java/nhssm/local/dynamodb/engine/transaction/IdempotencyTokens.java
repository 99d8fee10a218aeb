package nhssm.local.dynamodb.engine.transaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
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

    private record Remembered(String token, Done done) {
    }

    private final ConcurrentHashMap<String, Done> done = new ConcurrentHashMap<>();
    // The tokens in the order they were remembered, so forgetting the expired ones looks only at those
    // (scanning every token of the last 10 minutes on each transaction made n transactions cost n²).
    private final ConcurrentLinkedQueue<Remembered> byAge = new ConcurrentLinkedQueue<>();
    private final ReentrantLock forgetting = new ReentrantLock();
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
            forgetExpired(now);
            Optional<Done> previous = Optional.ofNullable(done.get(token)).filter(d -> !d.expires().isBefore(now));
            if (previous.isPresent()) {
                if (!previous.get().request().equals(request)) {
                    throw new DynamoDbError(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                            "The request uses the same client token as a previous, but non-identical request.");
                }
                return previous.get().response().deepCopy();
            }
            ObjectNode response = transaction.get();
            Done remembered = new Done(request.deepCopy(), response.deepCopy(), now.plus(WINDOW));
            done.put(token, remembered);
            byAge.add(new Remembered(token, remembered));
            return response;
        }
    }

    /** Forgets the oldest tokens while they are expired; one caller at a time, the others do not wait. */
    private void forgetExpired(Instant now) {
        if (!forgetting.tryLock()) {
            return;
        }
        try {
            Remembered oldest;
            while ((oldest = byAge.peek()) != null && oldest.done().expires().isBefore(now)) {
                byAge.poll();
                done.remove(oldest.token(), oldest.done());
            }
        } finally {
            forgetting.unlock();
        }
    }
}
