package nhssm.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The SHA-256 of a token, lower-case hex: the only form in which a token is ever stored. */
public record TokenHash(String hex) {

    public TokenHash {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
    }

    /** Hashes what a client presented. Any text hashes; only a real token's hash will be found. */
    public static TokenHash of(String presentedToken) {
        return new TokenHash(Sha256.hex(presentedToken));
    }

    /** Compares in constant time, so the time taken says nothing about how much of a hash matched. */
    public boolean matches(TokenHash other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        // Short enough to correlate log lines, too short to look a token up by.
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
