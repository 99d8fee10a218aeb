package nhssm.local.dynamodb.engine.transaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeMap;
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

    // The request as a digest, not a copy of its tree: a tree of a transaction's items is tens of kilobytes,
    // and 10 minutes of them at a few hundred a second filled the heap.
    private record Done(byte[] request, ObjectNode response, Instant expires) {
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
                if (!MessageDigest.isEqual(previous.get().request(), digest(request))) {
                    throw new DynamoDbError(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                            "The request uses the same client token as a previous, but non-identical request.");
                }
                return previous.get().response().deepCopy();
            }
            ObjectNode response = transaction.get();
            Done remembered = new Done(digest(request), response.deepCopy(), now.plus(WINDOW));
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

    /** SHA-256 of the request with every object's fields in name order: equal for requests equal as JSON. */
    private static byte[] digest(JsonNode request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            feed(sha, request);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void feed(MessageDigest sha, JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, node.get(name));
            }
            sha.update((byte) '{');
            fields.forEach((name, value) -> {
                text(sha, name);
                feed(sha, value);
            });
            sha.update((byte) '}');
        } else if (node.isArray()) {
            sha.update((byte) '[');
            node.forEach(element -> feed(sha, element));
            sha.update((byte) ']');
        } else {
            // A scalar's JSON text, tagged with its node type so that "1" and 1 differ.
            sha.update((byte) node.getNodeType().ordinal());
            text(sha, node.toString());
        }
    }

    private static void text(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                (byte) bytes.length});
        sha.update(bytes);
    }
}
