package nhssm.core.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import nhssm.core.audit.AuditAction;
import nhssm.core.audit.AuditEntry;
import nhssm.core.store.RevokeResult;
import nhssm.core.token.Revocation;
import nhssm.core.token.Scope;
import nhssm.core.token.StoredToken;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenSecret;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issuing, replacing, listing and revoking tokens, each with its audit entry, against a real table. */
class TokenLifecycleStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-12-31T00:00:00Z");

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private String table;
    private DynamoDbSurveyStore store;

    @BeforeEach
    void freshTable() {
        table = DYNAMO.dynamo().newTable();
        store = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), table);
    }

    private static TokenGrant grant(String ods, Scope scope, Instant at) {
        return new TokenGrant(TokenSecret.generate(new SecureRandom()).hash(), "2026", ods, scope, at, EXPIRES);
    }

    @Test
    void issueToken_shouldRevokeThePreviousLeadToken_asReplaced_inTheSameTransaction() {
        TokenGrant first = grant("RJ1", Scope.LEAD, T0);
        TokenGrant second = grant("RJ1", Scope.LEAD, T0.plusSeconds(60));

        assertThat(store.issueToken(first, AuditEntry.ADMIN)).isEmpty();
        assertThat(store.issueToken(second, AuditEntry.ADMIN)).contains(first);

        StoredToken old = store.findToken(first.hash()).orElseThrow();
        assertThat(old.revocation()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Revocation.Reason.REPLACED);
            assertThat(r.at()).isEqualTo(second.createdAt());
            assertThat(r.note()).contains(second.id());
        });
        assertThat(store.findToken(second.hash()).orElseThrow().revocation()).isEmpty();
        assertThat(store.auditOf("2026")).extracting(AuditEntry::action, AuditEntry::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.TOKEN_ISSUED, "token:" + first.id()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.TOKEN_ISSUED, "token:" + second.id()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.TOKEN_REVOKED, "token:" + first.id()));
    }

    @Test
    void issueToken_shouldLeaveExactlyOneActiveLeadToken_whenInvitationsRace() {
        List<TokenGrant> grants = IntStream.range(0, 4).mapToObj(i -> grant("RJ1", Scope.LEAD, T0.plusSeconds(i))).toList();

        grants.stream().map(g -> CompletableFuture.runAsync(() -> store.issueToken(g, AuditEntry.ADMIN)))
                .toList().forEach(CompletableFuture::join);

        assertThat(store.tokensOf("2026", "RJ1")).hasSize(4)
                .filteredOn(t -> t.revocation().isEmpty()).hasSize(1);
    }

    @Test
    void issueToken_shouldNotTouchOtherTrustsOrStaffLinks() {
        TokenGrant staff = grant("RJ1", Scope.STAFF, T0);
        TokenGrant otherLead = grant("RX9", Scope.LEAD, T0);
        store.issueToken(staff, "lead:x");
        store.issueToken(otherLead, AuditEntry.ADMIN);

        store.issueToken(grant("RJ1", Scope.LEAD, T0.plusSeconds(5)), AuditEntry.ADMIN);

        assertThat(store.findToken(staff.hash()).orElseThrow().revocation()).isEmpty();
        assertThat(store.findToken(otherLead.hash()).orElseThrow().revocation()).isEmpty();
    }

    @Test
    void tokensOf_shouldListTheTrustsTokensWithTheirState_andNoOtherTrusts() {
        TokenGrant lead = grant("RJ1", Scope.LEAD, T0);
        TokenGrant staff = grant("RJ1", Scope.STAFF, T0.plusSeconds(10));
        store.issueToken(lead, AuditEntry.ADMIN);
        store.issueToken(staff, AuditEntry.lead(lead));
        store.issueToken(grant("RX9", Scope.LEAD, T0), AuditEntry.ADMIN);
        store.recordUse(staff.hash(), T0.plusSeconds(99));

        List<StoredToken> tokens = store.tokensOf("2026", "RJ1");

        assertThat(tokens).extracting(StoredToken::grant).containsExactly(lead, staff);
        assertThat(tokens.get(1).lastUsedAt()).contains(T0.plusSeconds(99));
    }

    @Test
    void revokeToken_shouldMarkTheGrantAndAudit_once() {
        TokenGrant staff = grant("RJ1", Scope.STAFF, T0);
        store.issueToken(staff, "lead:abc");
        Revocation revocation = new Revocation(T0.plusSeconds(30), "lead:abc", Revocation.Reason.WITHDRAWN, "shared by mistake");

        RevokeResult first = store.revokeToken("2026", "RJ1", staff.id(), revocation);
        RevokeResult again = store.revokeToken("2026", "RJ1", staff.id(), revocation);

        assertThat(first).isInstanceOf(RevokeResult.Revoked.class);
        assertThat(again).isInstanceOf(RevokeResult.AlreadyRevoked.class);
        assertThat(store.findToken(staff.hash()).orElseThrow().revocation()).contains(revocation);
        assertThat(store.auditOf("2026")).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.TOKEN_REVOKED);
            assertThat(entry.actor()).isEqualTo("lead:abc");
            assertThat(entry.at()).isEqualTo(revocation.at());
            assertThat(entry.trust()).contains("RJ1");
            assertThat(entry.reason()).isEqualTo("withdrawn: shared by mistake");
        });
        assertThat(store.auditOf("2026")).hasSize(2);
    }

    @Test
    void revokeToken_shouldNotFindAnotherTrustsToken_orAMalformedId() {
        TokenGrant other = grant("RX9", Scope.STAFF, T0);
        store.issueToken(other, "lead:abc");
        Revocation revocation = new Revocation(T0, AuditEntry.ADMIN, Revocation.Reason.WITHDRAWN, "");

        assertThat(store.revokeToken("2026", "RJ1", other.id(), revocation)).isEqualTo(new RevokeResult.NotFound());
        assertThat(store.revokeToken("2026", "RJ1", "../TOKEN", revocation)).isEqualTo(new RevokeResult.NotFound());
        assertThat(store.findToken(other.hash()).orElseThrow().revocation()).isEmpty();
    }

    @Test
    void revokingTheLeadToken_shouldLetTheNextInvitationReplaceNothing() {
        TokenGrant lead = grant("RJ1", Scope.LEAD, T0);
        store.issueToken(lead, AuditEntry.ADMIN);
        store.revokeToken("2026", "RJ1", lead.id(),
                new Revocation(T0.plusSeconds(1), AuditEntry.ADMIN, Revocation.Reason.WITHDRAWN, "leaked"));

        assertThat(store.issueToken(grant("RJ1", Scope.LEAD, T0.plusSeconds(2)), AuditEntry.ADMIN)).isEmpty();
    }

    @Test
    void storedItems_shouldHoldNoTokenAndNoWholeHashOutsideTheirKeys_andIdsThatAreNotTheHash() {
        TokenGrant lead = grant("RJ1", Scope.LEAD, T0);
        store.issueToken(lead, AuditEntry.ADMIN);

        assertThat(lead.id()).hasSize(16).isNotEqualTo(lead.hash().hex().substring(0, 16));
        List<Map<String, AttributeValue>> audit = DYNAMO.dynamo().client()
                .query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("AUDIT#2026")))).items();
        assertThat(audit).singleElement().satisfies(item ->
                assertThat(item.toString()).doesNotContain(lead.hash().hex()));
        assertThat(Optional.of(audit.getFirst().get("actor").s())).contains("admin");
    }
}
