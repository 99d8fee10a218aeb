package nhssm.local.dynamodb.engine.server;

import java.util.ArrayList;
import java.util.List;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * The Authorization header's shape, as the service checks it before anything else: SigV4 with a
 * Credential of five parts, SignedHeaders and a Signature. Any credentials are accepted; the signature is
 * never verified (the engine serves only loopback and holds no secrets).
 */
final class Authorization {

    private static final String SCHEME = "AWS4-HMAC-SHA256";

    private Authorization() {
    }

    static void check(String header) {
        if (header == null || header.isBlank()) {
            throw new DynamoDbError(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        if (!header.startsWith(SCHEME + " ")) {
            throw new DynamoDbError(ErrorType.INCOMPLETE_SIGNATURE,
                    "Authorization header must use the " + SCHEME + " scheme (Signature Version 4)");
        }
        String credential = null;
        boolean signedHeaders = false;
        boolean signature = false;
        for (String part : header.substring(SCHEME.length() + 1).split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("Credential=")) {
                credential = trimmed.substring("Credential=".length());
            } else if (trimmed.startsWith("SignedHeaders=") && trimmed.length() > "SignedHeaders=".length()) {
                signedHeaders = true;
            } else if (trimmed.startsWith("Signature=") && trimmed.length() > "Signature=".length()) {
                signature = true;
            }
        }
        List<String> missing = new ArrayList<>();
        if (credential == null || credential.split("/", -1).length != 5) {
            missing.add("Authorization header requires 'Credential' parameter (KEY/DATE/REGION/SERVICE/aws4_request).");
        }
        if (!signedHeaders) {
            missing.add("Authorization header requires 'SignedHeaders' parameter.");
        }
        if (!signature) {
            missing.add("Authorization header requires 'Signature' parameter.");
        }
        if (!missing.isEmpty()) {
            throw new DynamoDbError(ErrorType.INCOMPLETE_SIGNATURE, String.join(" ", missing)
                    + " Authorization=" + SCHEME);
        }
    }
}
