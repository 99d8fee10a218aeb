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
 * second, for browsers that do not honour SameSite. The Continue page of a link opened from another site
 * has its own field, bound to a cookie that page set ({@link #arrival}).
 */
final class FormToken {

    private FormToken() {
    }

    static String of(String linkToken, String round) {
        return hmac(linkToken, "nhssm survey form " + round);
    }

    /** Whether {@code sent} is the form token of this link and round, compared in constant time. */
    static boolean matches(String sent, String linkToken, String round) {
        return same(sent, of(linkToken, round));
    }

    /**
     * The Continue page's field: an HMAC of the link under the random value of the arrival cookie that page set.
     * A forged post from elsewhere cannot send that SameSite=Strict cookie, nor know its value.
     */
    static String arrival(String arrivalNonce, String linkToken, String round) {
        return hmac(arrivalNonce, "nhssm continue " + round + "\n" + linkToken);
    }

    static boolean arrivalMatches(String sent, String arrivalNonce, String linkToken, String round) {
        return same(sent, arrival(arrivalNonce, linkToken, round));
    }

    private static boolean same(String sent, String expected) {
        return sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message} under {@code key}, URL-safe base64 (43 characters). */
    static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
