package nhssm.collect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The survey form's defence against cross-site request forgery: a hidden field whose value is an HMAC of
 * the round under the respondent's own link token. Only a page served to the holder of the token can
 * carry it, and nothing needs storing. The SameSite=Strict cookie is the first defence; this is the
 * second, for browsers that do not honour SameSite.
 */
final class FormToken {

    private FormToken() {
    }

    static String of(String linkToken, String round) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(linkToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(("nhssm survey form " + round).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether {@code sent} is the form token of this link and round, compared in constant time. */
    static boolean matches(String sent, String linkToken, String round) {
        return sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), of(linkToken, round).getBytes(StandardCharsets.UTF_8));
    }
}
