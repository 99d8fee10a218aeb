package nhssm.collect;

import java.time.Clock;
import java.util.Optional;
import nhssm.core.store.SurveyStore;
import nhssm.core.token.TokenHash;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;

/**
 * Establishes the caller from {@code Authorization: Bearer …}. A token is looked up by its SHA-256
 * and then held to its round and expiry; the admin token is compared, in constant time, with the
 * hash configured for the deployment.
 */
final class Authentication {

    private final SurveyStore store;
    private final TrustRegister trusts;
    private final Optional<TokenHash> adminHash;
    private final Clock clock;

    Authentication(SurveyStore store, TrustRegister trusts, Optional<TokenHash> adminHash, Clock clock) {
        this.store = store;
        this.trusts = trusts;
        this.adminHash = adminHash;
        this.clock = clock;
    }

    Caller respondent(HttpRequest request, String round) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return refused("Send your link's token as Authorization: Bearer <token>.");
        }
        return store.findToken(TokenHash.of(token.get()))
                .<Caller>map(grant -> {
                    if (!grant.isValidAt(clock.instant())) {
                        return refused("This token has expired. Ask your trust's lead or the census team for a new link.");
                    }
                    if (!grant.round().equals(round)) {
                        return new Caller.Refused(Problems.forbidden(
                                "This token is for round " + grant.round() + ", not round " + round + "."));
                    }
                    return trusts.find(grant.odsCode())
                            .<Caller>map(trust -> new Caller.Respondent(grant, trust))
                            .orElseGet(() -> refused("This token's trust is no longer in the reference list."));
                })
                .orElseGet(() -> refused("This token is not recognised. Check the link you were sent."));
    }

    Caller admin(HttpRequest request) {
        Optional<TokenHash> presented = request.bearerToken().map(TokenHash::of);
        boolean matches = presented.isPresent() && adminHash.isPresent() && adminHash.get().matches(presented.get());
        return matches ? new Caller.Admin() : refused("This needs the administrator's token.");
    }

    private static Caller refused(String detail) {
        return new Caller.Refused(Problems.unauthenticated(detail));
    }
}
