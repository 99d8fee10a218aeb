package nhssm.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
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
        return new TokenHash(Sha256.hex(presentedToken));
    }

    /** Compares in constant time, so the time taken says nothing about how much of a hash matched. */
    public boolean matches(TokenHash other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The id by which the token is listed and revoked: 96 bits of a hash of this hash, so it names the token
     * without revealing the hash (or anything to look the token up by), and needs no storing of its own.
     */
    public String publicId() {
        byte[] digest = HexFormat.of().parseHex(Sha256.hex("nhssm token id\n" + hex));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    }

    /** Whether {@code id} has the form of a public id (16 URL-safe base64 characters). */
    public static boolean isPublicId(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{16}");
    }

    @Override
    public String toString() {
        // Short enough to correlate log lines, too short to look a token up by.
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
