package nhssm.collect;

/**
 * The secret that makes an individual response its writer's: 256 random bits like a token, returned once
 * when the response is created (or chosen by the client and sent with the creating request), stored only
 * as its SHA-256, and sent back as {@value #HEADER} to read or replace the response. The survey form keeps
 * it in the browser's own cookie.
 */
final class WriterSecret {

    static final String HEADER = "response-secret";
    static final String FORM = "A Response-Secret is 43 to 128 URL-safe base64 characters (A-Z, a-z, 0-9, - and _), "
            + "for example 32 random bytes.";

    private WriterSecret() {
    }

    /**
     * The secret of a form post whose browser had lost its writer cookie: derived from the page's random
     * submission id (known only to that page) under the link's token, so that a retry of the same post is the
     * same writer, and no other page's post ever is.
     */
    static String forSubmission(String submission, String linkToken) {
        return FormToken.hmac(linkToken, "nhssm writer\n" + submission);
    }

    static boolean isWellFormed(String secret) {
        return secret.matches("[A-Za-z0-9_-]{43,128}");
    }
}
