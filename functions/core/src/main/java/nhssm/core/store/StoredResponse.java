package nhssm.core.store;

import java.time.Instant;
import java.util.Optional;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;

/**
 * The current state of one response. Every accepted change increments {@code version} and is also
 * kept as an immutable revision.
 *
 * @param submittedAt when it was first submitted; null while it has only ever been a draft
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
        Instant submittedAt) {

    /** A new response at version 1, submitted now if its status says so. */
    public static StoredResponse first(ResponseKey key, ResponseKind kind, ResponseStatus status,
            String definitionVersion, Answers answers, Instant at) {
        return new StoredResponse(key, kind, status, 1, definitionVersion, answers, at, at,
                status == ResponseStatus.SUBMITTED ? at : null);
    }

    public Optional<Instant> firstSubmitted() {
        return Optional.ofNullable(submittedAt);
    }

    /** The next version of this response with new answers and status. */
    public StoredResponse revise(ResponseStatus newStatus, Answers newAnswers, String newDefinitionVersion, Instant at) {
        Instant submitted = submittedAt != null || newStatus != ResponseStatus.SUBMITTED ? submittedAt : at;
        return new StoredResponse(key, kind, newStatus, version + 1, newDefinitionVersion, newAnswers,
                createdAt, at, submitted);
    }
}
