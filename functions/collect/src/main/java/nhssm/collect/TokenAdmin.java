package nhssm.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.collect.Problems.FieldError;
import nhssm.core.audit.AuditEntry;
import nhssm.core.store.RevokeResult;
import nhssm.core.store.SurveyStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.Revocation;
import nhssm.core.token.Scope;
import nhssm.core.token.StoredToken;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.Json;

/**
 * Listing and revoking a trust's tokens: the census team any of them, a trust's lead its own staff links.
 * Revoking takes effect on the next request made with the token, on every route; it is audited.
 */
final class TokenAdmin {

    static final int MAX_REASON = 200;

    private final SurveyStore store;
    private final TrustRegister trusts;
    private final Clock clock;

    TokenAdmin(SurveyStore store, TrustRegister trusts, Clock clock) {
        this.store = store;
        this.trusts = trusts;
        this.clock = clock;
    }

    /** {@code GET /api/admin/rounds/{round}/trusts/{ods}/tokens}. */
    HttpResponse listForAdmin(SurveyDefinition definition, String ods) {
        return trust(ods).map(trust -> ok(TokenJson.list(definition.round(), trust,
                        store.tokensOf(definition.round(), trust.odsCode()), clock.instant())))
                .orElseGet(() -> unknownTrust(ods));
    }

    /** {@code POST /api/admin/rounds/{round}/trusts/{ods}/tokens/{id}/revocation}. */
    HttpResponse revokeForAdmin(HttpRequest request, SurveyDefinition definition, String ods, String id) {
        Optional<Trust> trust = trust(ods);
        if (trust.isEmpty()) {
            return unknownTrust(ods);
        }
        return revoke(request, definition, trust.get(), id, AuditEntry.ADMIN, false);
    }

    /** {@code GET /api/rounds/{round}/staff-links}: the lead's own trust's staff links. */
    HttpResponse listStaffLinks(SurveyDefinition definition, Caller.Respondent lead) {
        if (lead.grant().scope() != Scope.LEAD) {
            return Problems.forbidden("Only your trust's lead can see its staff links.").toResponse();
        }
        List<StoredToken> staff = store.tokensOf(definition.round(), lead.trust().odsCode()).stream()
                .filter(t -> t.grant().scope() == Scope.STAFF).toList();
        return ok(TokenJson.list(definition.round(), lead.trust(), staff, clock.instant()));
    }

    /** {@code POST /api/rounds/{round}/staff-links/{id}/revocation}: a lead withdraws one of its trust's staff links. */
    HttpResponse revokeStaffLink(HttpRequest request, SurveyDefinition definition, Caller.Respondent lead, String id) {
        if (lead.grant().scope() != Scope.LEAD) {
            return Problems.forbidden("Only your trust's lead can withdraw its staff links.").toResponse();
        }
        return revoke(request, definition, lead.trust(), id, AuditEntry.lead(lead.grant()), true);
    }

    private HttpResponse revoke(HttpRequest request, SurveyDefinition definition, Trust trust, String id,
            String actor, boolean staffOnly) {
        String reason;
        switch (reason(request)) {
            case Reason.Refused r -> {
                return r.response();
            }
            case Reason.Given g -> reason = g.text();
        }
        String round = definition.round();
        boolean named = store.tokensOf(round, trust.odsCode()).stream()
                .anyMatch(t -> t.grant().id().equals(id) && (!staffOnly || t.grant().scope() == Scope.STAFF));
        if (!named) {
            return Problems.notFound("Trust " + trust.odsCode() + " has no " + (staffOnly ? "staff link" : "token")
                    + " '" + id + "' in round " + round + ". List them to see their ids.").toResponse();
        }
        Instant now = clock.instant();
        Revocation revocation = new Revocation(now, actor, Revocation.Reason.WITHDRAWN, reason);
        return switch (store.revokeToken(round, trust.odsCode(), id, revocation)) {
            case RevokeResult.Revoked r -> ok(TokenJson.entry(r.token(), now));
            // Revoking twice is revoking: the answer says what stands.
            case RevokeResult.AlreadyRevoked r -> ok(TokenJson.entry(r.token(), now));
            case RevokeResult.NotFound n -> Problems.notFound("Trust " + trust.odsCode() + " has no token '" + id
                    + "' in round " + round + ".").toResponse();
        };
    }

    private sealed interface Reason {
        record Given(String text) implements Reason {
        }

        record Refused(HttpResponse response) implements Reason {
        }
    }

    /** The optional body {@code {"reason": "…"}}: a few words for the audit log. */
    private static Reason reason(HttpRequest request) {
        return switch (JsonBodies.read(request, true)) {
            case JsonBodies.Read.Refused r -> new Reason.Refused(r.problem().toResponse());
            case JsonBodies.Read.Body b -> {
                JsonNode body = b.json();
                if (body == null) {
                    yield new Reason.Given("");
                }
                JsonNode text = body.get("reason");
                if (!body.isObject() || body.size() != 1 || text == null || !text.isTextual()
                        || text.asText().length() > MAX_REASON || text.asText().chars().anyMatch(Character::isISOControl)) {
                    yield new Reason.Refused(Problems.invalidFields(List.of(new FieldError("reason", null,
                            "Send no body, or {\"reason\": \"…\"} with up to " + MAX_REASON
                                    + " characters on one line, for the audit log."))).toResponse());
                }
                yield new Reason.Given(text.asText().strip());
            }
        };
    }

    private Optional<Trust> trust(String ods) {
        return trusts.find(ods);
    }

    private static HttpResponse unknownTrust(String ods) {
        return Problems.notFound("There is no trust '" + ods + "' in the reference list.").toResponse();
    }

    private static HttpResponse ok(Map<String, Object> body) {
        try {
            return HttpResponse.json(200, Json.MAPPER.writeValueAsString(body)).withHeader("cache-control", "no-store");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }
}
