package nhssm.core.token;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A freshly issued token: 256 random bits, URL-safe base64. It is shown to its holder once and never
 * stored; only its {@link TokenHash} is.
 */
public record TokenSecret(String value) {

    private static final int BYTES = 32;

    public static TokenSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "TokenSecret[redacted]";
    }
}
