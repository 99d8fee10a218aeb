package nhssm.report.api;

import java.time.Clock;
import java.util.Optional;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenLookup;
import nhssm.core.token.TokenVerdict;
import nhssm.core.token.TokenVerifier;
import nhssm.http.HttpRequest;
import nhssm.http.TokenCookie;

/**
 * Establishes the {@link Reader} from {@code Authorization: Bearer …} with the same {@link TokenVerifier}
 * as the collect function: the admin token in constant time against the deployed hash, any other token
 * by its SHA-256 in the table, held to its revocation, expiry and round. Without the header, a browser that opened
 * the survey from its link reads with the link's token from the {@link TokenCookie}.
 */
final class Authentication {

    private final TokenVerifier verifier;

    Authentication(TokenLookup tokens, Optional<TokenHash> adminHash, Clock clock) {
        this.verifier = new TokenVerifier(tokens, adminHash, clock);
    }

    Reader reader(HttpRequest request, String round) {
        if (request.header("authorization").isEmpty()) {
            // A survey cookie of another round or none at all is no reason to refuse a public report; one whose
            // link was replaced, withdrawn or has expired says so where the report is not public.
            return TokenCookie.read(request, round)
                    .map(token -> switch (verifier.verify(token, round)) {
                        case TokenVerdict.Valid v -> new Reader.Holder(v.grant());
                        case TokenVerdict.Revoked r -> revoked(r);
                        case TokenVerdict.Expired e -> expired();
                        case TokenVerdict.OtherRound o -> new Reader.Anonymous();
                        case TokenVerdict.Unknown u -> new Reader.Anonymous();
                    })
                    .orElseGet(Reader.Anonymous::new);
        }
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return new Reader.Unrecognised("missing", "Send the token as Authorization: Bearer <token>.");
        }
        if (verifier.isAdmin(token.get())) {
            return new Reader.Admin();
        }
        return switch (verifier.verify(token.get(), round)) {
            case TokenVerdict.Valid v -> new Reader.Holder(v.grant());
            case TokenVerdict.Revoked r -> revoked(r);
            case TokenVerdict.Expired e -> expired();
            case TokenVerdict.OtherRound o -> new Reader.Unrecognised("other-round",
                    "This token is for round " + o.grant().round() + ", not round " + round + ".");
            case TokenVerdict.Unknown u -> new Reader.Unrecognised("unknown", "This token is not recognised.");
        };
    }

    private static Reader revoked(TokenVerdict.Revoked revoked) {
        return new Reader.Unrecognised(revoked.revocation().reason().name().toLowerCase(),
                revoked.revocation().explanation());
    }

    private static Reader expired() {
        return new Reader.Unrecognised("expired", "This token has expired.");
    }
}
