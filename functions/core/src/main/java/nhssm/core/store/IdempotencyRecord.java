package nhssm.core.store;

import java.time.Instant;

/**
 * The remembered outcome of a request sent with an Idempotency-Key, written atomically with the
 * response it created so a retry can be answered with exactly the original result.
 *
 * @param keyHash     SHA-256 of the token hash and the client's key: keys never collide across clients
 * @param fingerprint SHA-256 of the request (method, path, content type, body): a reused key with
 *                    another request is refused
 */
public record IdempotencyRecord(
        String keyHash,
        String fingerprint,
        int statusCode,
        String location,
        String body,
        Instant expiresAt) {
}
