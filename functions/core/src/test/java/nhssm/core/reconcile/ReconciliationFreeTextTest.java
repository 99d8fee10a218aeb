package nhssm.core.reconcile;

import static nhssm.core.reconcile.Fixtures.individual;
import static nhssm.core.reconcile.Fixtures.official;
import static nhssm.core.reconcile.Fixtures.reconcile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nhssm.core.response.ResponseKind;
import nhssm.core.store.StoredResponse;
import org.junit.jupiter.api.Test;

/** Rule 4: free text is never merged, kept per response, quotable only with consent in the same response. */
class ReconciliationFreeTextTest {

    @Test
    void reconcile_shouldAllowQuoting_whenTheSameResponseConsented() {
        // Arrange
        StoredResponse yes = individual("i1", 1).text("Q42", "Our videos reached new families.")
                .code("Q42_CONSENT", "YES").build();
        StoredResponse no = individual("i2", 2).text("Q42", "Recruitment posts filled two wards.")
                .code("Q42_CONSENT", "NO").build();
        StoredResponse silent = individual("i3", 3).text("Q42", "Flu clinic alerts.").build();

        // Act
        TrustRecord record = reconcile(yes, no, silent);

        // Assert
        assertThat(record.freeText()).containsExactly(
                new FreeText("Q42", ResponseKind.INDIVIDUAL, "Our videos reached new families.", true),
                new FreeText("Q42", ResponseKind.INDIVIDUAL, "Recruitment posts filled two wards.", false),
                new FreeText("Q42", ResponseKind.INDIVIDUAL, "Flu clinic alerts.", false));
    }

    @Test
    void reconcile_shouldNotAllowQuoting_whenOnlyAnotherResponseConsented() {
        // Arrange: i1 wrote the example without consent; i2 consented but wrote no example; the official
        // return consented to its own (absent) example.
        StoredResponse official = official("o1", 1).code("Q42_CONSENT", "YES").build();
        StoredResponse writer = individual("i1", 2).text("Q42", "A&E wait updates cut calls.").build();
        StoredResponse consenter = individual("i2", 3).code("Q42_CONSENT", "YES").build();

        // Act
        TrustRecord record = reconcile(official, writer, consenter);

        // Assert
        assertThat(record.freeText()).containsExactly(
                new FreeText("Q42", ResponseKind.INDIVIDUAL, "A&E wait updates cut calls.", false));
    }

    @Test
    void reconcile_shouldNeverAllowQuotingQ43_whenTheResponseConsentedToQuotingQ42() {
        // Arrange
        StoredResponse official = official("o1", 1).text("Q42", "Example.").code("Q42_CONSENT", "YES")
                .text("Q43", "Please publish regional tables.").build();

        // Act
        TrustRecord record = reconcile(official);

        // Assert
        assertThat(record.freeText()).containsExactly(
                new FreeText("Q42", ResponseKind.OFFICIAL, "Example.", true),
                new FreeText("Q43", ResponseKind.OFFICIAL, "Please publish regional tables.", false));
    }

    @Test
    void reconcile_shouldListOfficialTextFirstThenIndividualsByCreation_whenSeveralResponsesWroteText() {
        // Arrange: the official return was started last; the individuals are passed out of order.
        StoredResponse official = official("o1", 90).text("Q43", "official comment").build();
        StoredResponse early = individual("i9", 5).text("Q43", "early comment").text("Q42", "early example").build();
        StoredResponse late = individual("i1", 50).text("Q42", "late example").build();

        // Act
        TrustRecord record = reconcile(late, official, early);

        // Assert: official, then i9 (minute 5) with Q42 before Q43, then i1 (minute 50).
        assertThat(record.freeText()).extracting(FreeText::text).containsExactly(
                "official comment", "early example", "early comment", "late example");
    }

    @Test
    void reconcile_shouldKeepTextExactlyAsTyped_whenItHoldsAnyScriptOrEmoji() {
        // Arrange
        String typed = "  Diolch! 🙏\nنشرنا الرسائل بالعربية\tand BSL videos  ";
        StoredResponse response = individual("i1", 1).text("Q43", typed).build();

        // Act
        TrustRecord record = reconcile(response);

        // Assert
        assertThat(record.freeText()).extracting(FreeText::text).containsExactly(typed);
    }

    @Test
    void reconcile_shouldLeaveOutTheContactEmailAndDraftText_whenCollectingFreeText() {
        // Arrange: Q04 is a contact address for the census team, not an answer about the trust.
        StoredResponse official = official("o1", 1).text("Q04", "comms.lead@example.nhs.uk")
                .text("Q43", "kept").build();
        StoredResponse draft = individual("i1", 2).text("Q42", "not submitted").code("Q42_CONSENT", "YES").draft().build();

        // Act
        TrustRecord record = reconcile(official, draft);

        // Assert
        assertThat(record.freeText()).containsExactly(new FreeText("Q43", ResponseKind.OFFICIAL, "kept", false));
        assertThat(record.values()).doesNotContainKeys("Q04", "Q42", "Q43");
    }

    @Test
    void reconcile_shouldKeepEveryText_whenSeveralIndividualsWroteTheSameThing() {
        // Arrange: identical texts are not merged.
        List<StoredResponse> responses = List.of(
                individual("i1", 1).text("Q43", "Too long.").build(),
                individual("i2", 2).text("Q43", "Too long.").build());

        // Act
        TrustRecord record = Reconciliation.reconcile(Fixtures.SURVEY_2026, responses, 1);

        // Assert
        assertThat(record.freeText()).hasSize(2);
    }
}
