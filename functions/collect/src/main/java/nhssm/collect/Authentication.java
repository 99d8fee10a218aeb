package nhssm.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nhssm.core.store.SurveyStore;
import nhssm.core.token.Revocation;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenVerdict;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;

/**
 * Establishes the caller from {@code Authorization: Bearer …} or a link's token: {@link TokenVerifier}
 * recognises the token (by its SHA-256, held to its revocation, expiry and round; the admin token in constant
 * time), and this says what each verdict means for a respondent or an administrator, and notes the use.
 */
final class Authentication {

    /** How often a token's last use is written: often enough to tell a live link from a dead one. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(15);

    private final TokenVerifier verifier;
    private final SurveyStore store;
    private final TrustRegister trusts;
    private final Clock clock;

    Authentication(SurveyStore store, TrustRegister trusts, Optional<TokenHash> adminHash, Clock clock) {
        this.verifier = new TokenVerifier(store, adminHash, clock);
        this.store = store;
        this.trusts = trusts;
        this.clock = clock;
    }

    Caller respondent(HttpRequest request, String round) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return refused(Caller.Reason.MISSING, "Send your link's token as Authorization: Bearer <token>.");
        }
        return respondent(token.get(), round);
    }

    /** The respondent a link's token stands for in {@code round}, however it was sent (header, link or cookie). */
    Caller respondent(String token, String round) {
        return switch (verifier.verify(token, round)) {
            case TokenVerdict.Unknown u ->
                    refused(Caller.Reason.UNKNOWN, "This token is not recognised. Check the link you were sent.");
            case TokenVerdict.Revoked r -> revoked(r.revocation());
            case TokenVerdict.Expired e -> refused(Caller.Reason.EXPIRED,
                    "This token has expired. Ask your trust's lead or the census team for a new link.");
            case TokenVerdict.OtherRound o -> new Caller.Refused(Caller.Reason.OTHER_ROUND, Problems.forbidden(
                    "This token is for round " + o.grant().round() + ", not round " + round + "."));
            case TokenVerdict.Valid v -> {
                noteUse(v);
                yield trusts.find(v.grant().odsCode())
                        .<Caller>map(trust -> new Caller.Respondent(v.grant(), trust))
                        .orElseGet(() -> refused(Caller.Reason.TRUST_UNKNOWN,
                                "This token's trust is no longer in the reference list."));
            }
        };
    }

    Caller admin(HttpRequest request) {
        return request.bearerToken().filter(verifier::isAdmin).isPresent()
                ? new Caller.Admin()
                : refused(Caller.Reason.NOT_ADMIN, "This needs the administrator's token.");
    }

    private static Caller revoked(Revocation revocation) {
        return refused(revocation.reason() == Revocation.Reason.REPLACED ? Caller.Reason.REPLACED
                : Caller.Reason.WITHDRAWN, revocation.explanation());
    }

    /** At most one write per token every {@link #USE_RECORDED_EVERY}, whatever the traffic. */
    private void noteUse(TokenVerdict.Valid valid) {
        Instant now = clock.instant();
        if (valid.lastUsedAt().map(at -> at.plus(USE_RECORDED_EVERY).isBefore(now)).orElse(true)) {
            store.recordUse(valid.grant().hash(), now);
        }
    }

    private static Caller refused(Caller.Reason reason, String detail) {
        return new Caller.Refused(reason, Problems.unauthenticated(reason, detail));
    }
}
