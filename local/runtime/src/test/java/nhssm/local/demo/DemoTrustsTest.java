package nhssm.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nhssm.core.reconcile.FreeText;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.response.ResponseKind;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.TrustRegister;
import org.junit.jupiter.api.Test;

class DemoTrustsTest {

    private static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void choose_shouldFindOneDistinctTrustPerCase_eachShowingItsCasePlainly() {
        FreeText welsh = new FreeText("Q42", ResponseKind.INDIVIDUAL, "Diolch — ŵyn ac ŷd 👍", true);
        Map<String, Reconciled> conflict = Map.of("Q19", new Reconciled.Conflict(Map.of("YES", 1, "NO", 1), 2));
        List<TrustRecord> records = List.of(
                // Fits three cases: another trust shows each of them more plainly.
                staffOnly("R0A", conflict, List.of(welsh)),
                official("R0B", List.of(welsh)),
                staffOnly("R0D", Map.of("Q19", new Reconciled.ByMajority(new Answer.Code("YES"), 3)), List.of()),
                staffOnly("R1F", conflict, List.of()),
                official("R1H", List.of(new FreeText("Q42", ResponseKind.OFFICIAL, "Welsh without its letters 👍", true))),
                official("RRU", List.of()));

        List<DemoTrust> chosen = DemoTrusts.choose(RoundStatistics.compute(DEFINITION, TrustRegister.bundled(), records));

        assertThat(chosen).extracting(t -> t.demoCase().slug() + " " + t.trust().odsCode()).containsExactly(
                "welsh-emoji R0B", "no-official-return R0D", "conflicts R1F", "small-peer-group RRU");
        assertThat(chosen.getFirst().fileName("pdf")).isEqualTo("trust-R0B-welsh-emoji.pdf");
    }

    @Test
    void choose_shouldNameEveryCaseNoTrustFits() {
        List<TrustRecord> records = List.of(official("R0A", List.of()), official("R0B", List.of()),
                official("R0D", List.of()), official("R1F", List.of()), official("R1H", List.of()));

        assertThatThrownBy(() -> DemoTrusts.choose(RoundStatistics.compute(DEFINITION, TrustRegister.bundled(), records)))
                .isInstanceOf(DemoFailedException.class)
                .hasMessage("of the 5 responding trusts in the seeded data, none has free text in Welsh with emoji, "
                        + "none has no official return, none has answers in conflict, "
                        + "none has its peer group below the suppression threshold");
    }

    @Test
    void welshWithEmoji_shouldNeedBothTheWelshLettersAndAnEmoji() {
        assertThat(DemoCase.isWelshWithEmoji("Fe wnaeth ... ŵyn, ŷd a phopeth! 👍")).isTrue();
        assertThat(DemoCase.isWelshWithEmoji("Ein cyfrif Cymraeg sy'n rhannu newyddion")).isFalse();
        assertThat(DemoCase.isWelshWithEmoji("ŵyn ac ŷd")).isFalse();
        assertThat(DemoCase.isWelshWithEmoji("Parents felt listened to 💙")).isFalse();
    }

    private static TrustRecord official(String ods, List<FreeText> freeText) {
        return new TrustRecord("2026", ods, DEFINITION.definitionVersion(), AT, 0, Map.of(), Map.of(), Map.of(),
                freeText, AT, 1);
    }

    private static TrustRecord staffOnly(String ods, Map<String, Reconciled> values, List<FreeText> freeText) {
        return new TrustRecord("2026", ods, DEFINITION.definitionVersion(), null, 3, Map.of(), values, Map.of(),
                freeText, AT, 3);
    }
}
