package nhssm.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token verdicts against grants stored in the DynamoDB engine, the way the functions look them up. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ADMIN = "the-admin-token";

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static DynamoDbSurveyStore store;
    private static TokenVerifier verifier;

    @BeforeAll
    static void start() {
        store = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), DYNAMO.dynamo().newTable());
        verifier = new TokenVerifier(store, Optional.of(TokenHash.of(ADMIN)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TokenGrant grant(String token, String round, Instant expiresAt) {
        TokenGrant grant = new TokenGrant(TokenHash.of(token), round, "RJ1", Scope.LEAD, NOW.minusSeconds(86400), expiresAt);
        store.saveToken(grant);
        return grant;
    }

    @Test
    void verify_shouldBeValid_whenTheGrantIsForTheRoundAndUnexpired() {
        TokenGrant grant = grant("valid-token", "2026", NOW.plusSeconds(1));

        assertThat(verifier.verify("valid-token", "2026")).isEqualTo(new TokenVerdict.Valid(grant, Optional.empty()));
    }

    @Test
    void verify_shouldBeExpired_fromTheInstantOfExpiry_evenBeforeTtlDeletesTheItem() {
        TokenGrant grant = grant("expiring-token", "2026", NOW);

        assertThat(verifier.verify("expiring-token", "2026")).isEqualTo(new TokenVerdict.Expired(grant));
    }

    @Test
    void verify_shouldBeOtherRound_whenAValidGrantIsForAnotherRound() {
        TokenGrant grant = grant("last-year-token", "2025", NOW.plusSeconds(3600));

        assertThat(verifier.verify("last-year-token", "2026")).isEqualTo(new TokenVerdict.OtherRound(grant));
    }

    @Test
    void verify_shouldBeRevoked_whenTheGrantWasWithdrawn_evenAfterItsExpiry() {
        TokenGrant grant = grant("withdrawn-token", "2026", NOW.minusSeconds(1));
        Revocation revocation = new Revocation(NOW.minusSeconds(60), "admin", Revocation.Reason.WITHDRAWN, "leaked");
        store.revokeToken("2026", "RJ1", grant.id(), revocation);

        assertThat(verifier.verify("withdrawn-token", "2026")).isEqualTo(new TokenVerdict.Revoked(grant, revocation));
    }

    @Test
    void verify_shouldCarryTheLastUse_whenOneWasRecorded() {
        TokenGrant grant = grant("used-token", "2026", NOW.plusSeconds(3600));
        store.recordUse(grant.hash(), NOW.minusSeconds(5));

        assertThat(verifier.verify("used-token", "2026"))
                .isEqualTo(new TokenVerdict.Valid(grant, Optional.of(NOW.minusSeconds(5))));
    }

    @Test
    void verify_shouldBeUnknown_whenNoGrantHasTheTokensHash() {
        grant("stored-token", "2026", NOW.plusSeconds(3600));

        assertThat(verifier.verify("stored-token-", "2026")).isInstanceOf(TokenVerdict.Unknown.class);
        // The admin token is not a stored grant.
        assertThat(verifier.verify(ADMIN, "2026")).isInstanceOf(TokenVerdict.Unknown.class);
    }

    @Test
    void isAdmin_shouldMatchOnlyTheConfiguredToken() {
        assertThat(verifier.isAdmin(ADMIN)).isTrue();
        assertThat(verifier.isAdmin(ADMIN + " ")).isFalse();
        assertThat(verifier.isAdmin(TokenHash.of(ADMIN).hex())).as("the hash itself is not the token").isFalse();
    }

    @Test
    void isAdmin_shouldBeFalseForEveryToken_whenNoAdminHashIsConfigured() {
        TokenVerifier closed = new TokenVerifier(store, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(closed.isAdmin(ADMIN)).isFalse();
        assertThat(closed.isAdmin("")).isFalse();
    }

    @Test
    void adminHash_shouldAcceptOnly64LowerCaseHexDigits() {
        String hex = TokenHash.of(ADMIN).hex();

        assertThat(TokenVerifier.adminHash(" " + hex + "\n")).contains(new TokenHash(hex));
        assertThat(TokenVerifier.adminHash(hex.toUpperCase())).isEmpty();
        assertThat(TokenVerifier.adminHash(hex.substring(1))).isEmpty();
        assertThat(TokenVerifier.adminHash("")).isEmpty();
        assertThat(TokenVerifier.adminHash(null)).isEmpty();
    }
}
