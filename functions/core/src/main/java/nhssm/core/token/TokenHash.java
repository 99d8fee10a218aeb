package nhssm.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a token, lower-case hex: the only form in which a token is ever stored. */
public record TokenHash(String hex) {

    public TokenHash {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
    }

    /** Hashes what a client presented. Any text hashes; only a real token's hash will be found. */
    public static TokenHash of(String presentedToken) {
        return new TokenHash(HexFormat.of().formatHex(sha256(presentedToken)));
    }

    /** Compares in constant time, so the time taken says nothing about how much of a hash matched. */
    public boolean matches(TokenHash other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Short enough to correlate log lines, too short to look a token up by.
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
