package nhssm.core.response;

import java.util.Arrays;
import java.util.Optional;

/** A draft may be incomplete and never counts; only a submitted response counts. */
public enum ResponseStatus {
    DRAFT,
    SUBMITTED;

    /** The status with exactly this name, as a client sends it ("DRAFT" or "SUBMITTED"). */
    public static Optional<ResponseStatus> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
