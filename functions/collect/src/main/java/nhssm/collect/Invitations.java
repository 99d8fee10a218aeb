package nhssm.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.collect.Problems.FieldError;
import nhssm.core.audit.AuditEntry;
import nhssm.core.store.SurveyStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.http.Excerpt;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.Json;

/**
 * Issues tokens: the administrator invites a trust's lead, and a lead creates a staff link for its
 * own trust. A token is returned once, in this response, and only its hash is stored. A trust has one
 * active lead token per round: inviting it again replaces (revokes) the previous one.
 */
final class Invitations {

    /** A lead keeps access after the window closes, to read the trust's report and verify its data. */
    static final Duration LEAD_ACCESS_AFTER_CLOSE = Duration.ofDays(365);

    private final SurveyStore store;
    private final TrustRegister trusts;
    private final Clock clock;
    private final SecureRandom random;

    Invitations(SurveyStore store, TrustRegister trusts, Clock clock, SecureRandom random) {
        this.store = store;
        this.trusts = trusts;
        this.clock = clock;
        this.random = random;
    }

    HttpResponse inviteLead(HttpRequest request, SurveyDefinition definition) {
        JsonNode body;
        switch (JsonBodies.read(request, false)) {
            case JsonBodies.Read.Refused r -> {
                return r.problem().toResponse();
            }
            case JsonBodies.Read.Body b -> body = b.json();
        }
        JsonNode ods = body == null ? null : body.get("odsCode");
        if (body == null || !body.isObject() || body.size() != 1 || ods == null || !ods.isTextual()) {
            return Problems.invalidFields(List.of(new FieldError("odsCode", null,
                    "Send {\"odsCode\": \"…\"} with the ODS code of an NHS trust, for example RJ1."))).toResponse();
        }
        Optional<Trust> trust = trusts.find(ods.asText()).filter(t -> t.isOpenOn(definition.censusDate()));
        if (trust.isEmpty()) {
            return Problems.invalidFields(List.of(new FieldError("odsCode", ods.asText(),
                    "Not an NHS trust open on the census date " + definition.censusDate()
                            + ". Use the ODS code of an open trust in the reference list."))).toResponse();
        }
        Instant expires = definition.window().closesAt().plus(LEAD_ACCESS_AFTER_CLOSE);
        return issue(definition, trust.get(), Scope.LEAD, expires, AuditEntry.ADMIN);
    }

    HttpResponse createStaffLink(SurveyDefinition definition, Caller.Respondent lead) {
        if (lead.grant().scope() != Scope.LEAD) {
            return Problems.forbidden("Only your trust's lead can create staff links.").toResponse();
        }
        if (!definition.window().isOpenAt(clock.instant())) {
            return Problems.roundClosed(definition.round(), definition.window()).toResponse();
        }
        return issue(definition, lead.trust(), Scope.STAFF, definition.window().closesAt(), AuditEntry.lead(lead.grant()));
    }

    /** Issues and audits a token; a lead token replaces the trust's previous one, which stops working at once. */
    private HttpResponse issue(SurveyDefinition definition, Trust trust, Scope scope, Instant expiresAt, String actor) {
        TokenSecret secret = TokenSecret.generate(random);
        Instant now = clock.instant();
        TokenGrant grant = new TokenGrant(secret.hash(), definition.round(), trust.odsCode(), scope, now, expiresAt);
        Optional<TokenGrant> replaced = store.issueToken(grant, actor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", grant.id());
        body.put("token", secret.value());
        body.put("scope", scope.name());
        body.put("round", definition.round());
        body.put("trust", Map.of("odsCode", trust.odsCode(), "name", trust.name()));
        body.put("expiresAt", expiresAt.toString());
        body.put("surveyLink", "/survey/" + definition.round() + "?token=" + secret.value());
        replaced.ifPresent(old -> body.put("replaced", old.id()));
        try {
            return HttpResponse.json(201, Json.MAPPER.writeValueAsString(body))
                    // The token is in this body and nowhere else: no cache may keep it.
                    .withHeader("cache-control", "no-store");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }
}
