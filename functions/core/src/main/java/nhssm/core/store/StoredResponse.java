package nhssm.core.store;

import java.time.Instant;
import java.util.Optional;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.token.TokenHash;

/**
 * The current state of one response. Every accepted change increments {@code version} and is also
 * kept as an immutable revision.
 *
 * @param submittedAt when it was first submitted; null while it has only ever been a draft
 * @param writerHash  for an individual response, the hash of its writer's own secret: only who holds the
 *                    secret may read or change it; null for an official return, which its trust's lead owns
 */
public record StoredResponse(
        ResponseKey key,
        ResponseKind kind,
        ResponseStatus status,
        long version,
        String definitionVersion,
        Answers answers,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        TokenHash writerHash) {

    /** A response with no writer of its own (an official return). */
    public StoredResponse(ResponseKey key, ResponseKind kind, ResponseStatus status, long version,
            String definitionVersion, Answers answers, Instant createdAt, Instant updatedAt, Instant submittedAt) {
        this(key, kind, status, version, definitionVersion, answers, createdAt, updatedAt, submittedAt, null);
    }

    /** A new response at version 1, submitted now if its status says so. */
    public static StoredResponse first(ResponseKey key, ResponseKind kind, ResponseStatus status,
            String definitionVersion, Answers answers, Instant at) {
        return new StoredResponse(key, kind, status, 1, definitionVersion, answers, at, at,
                status == ResponseStatus.SUBMITTED ? at : null);
    }

    /** The same response, written by the holder of the secret whose hash is {@code writer}. */
    public StoredResponse writtenBy(TokenHash writer) {
        return new StoredResponse(key, kind, status, version, definitionVersion, answers, createdAt, updatedAt,
                submittedAt, writer);
    }

    public Optional<TokenHash> writer() {
        return Optional.ofNullable(writerHash);
    }

    /** Whether {@code presented} is this response's writer, compared in constant time; false without a writer. */
    public boolean isWrittenBy(Optional<TokenHash> presented) {
        return writerHash != null && presented.isPresent() && writerHash.matches(presented.get());
    }

    public Optional<Instant> firstSubmitted() {
        return Optional.ofNullable(submittedAt);
    }

    /** The next version of this response with new answers and status. */
    public StoredResponse revise(ResponseStatus newStatus, Answers newAnswers, String newDefinitionVersion, Instant at) {
        Instant submitted = submittedAt != null || newStatus != ResponseStatus.SUBMITTED ? submittedAt : at;
        return new StoredResponse(key, kind, newStatus, version + 1, newDefinitionVersion, newAnswers,
                createdAt, at, submitted, writerHash);
    }
}
