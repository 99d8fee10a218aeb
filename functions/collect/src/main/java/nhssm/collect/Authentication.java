package nhssm.collect;

import java.time.Clock;
import java.util.Optional;
import nhssm.core.store.SurveyStore;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenVerdict;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;

/**
 * Establishes the caller from {@code Authorization: Bearer …}: {@link TokenVerifier} recognises the
 * token (by its SHA-256, held to its round and expiry; the admin token in constant time), and this
 * says what each verdict means for a respondent or an administrator.
 */
final class Authentication {

    private final TokenVerifier verifier;
    private final TrustRegister trusts;

    Authentication(SurveyStore store, TrustRegister trusts, Optional<TokenHash> adminHash, Clock clock) {
        this.verifier = new TokenVerifier(store, adminHash, clock);
        this.trusts = trusts;
    }

    Caller respondent(HttpRequest request, String round) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return refused("Send your link's token as Authorization: Bearer <token>.");
        }
        return respondent(token.get(), round);
    }

    /** The respondent a link's token stands for in {@code round}, however it was sent (header, link or cookie). */
    Caller respondent(String token, String round) {
        return switch (verifier.verify(token, round)) {
            case TokenVerdict.Unknown u -> refused("This token is not recognised. Check the link you were sent.");
            case TokenVerdict.Expired e ->
                    refused("This token has expired. Ask your trust's lead or the census team for a new link.");
            case TokenVerdict.OtherRound o -> new Caller.Refused(Problems.forbidden(
                    "This token is for round " + o.grant().round() + ", not round " + round + "."));
            case TokenVerdict.Valid v -> trusts.find(v.grant().odsCode())
                    .<Caller>map(trust -> new Caller.Respondent(v.grant(), trust))
                    .orElseGet(() -> refused("This token's trust is no longer in the reference list."));
        };
    }

    Caller admin(HttpRequest request) {
        return request.bearerToken().filter(verifier::isAdmin).isPresent()
                ? new Caller.Admin()
                : refused("This needs the administrator's token.");
    }

    private static Caller refused(String detail) {
        return new Caller.Refused(Problems.unauthenticated(detail));
    }
}
