package nhssm.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;
import org.junit.jupiter.api.Test;

class SyntheticCensusTest {

    private static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    private static final List<Trust> OPEN = TrustRegister.bundled().openOn(LocalDate.parse("2026-10-01"));

    @Test
    void plan_shouldSendOnlyAnswersTheSurveyAccepts_forEveryResponse() {
        List<TrustPlan> plans = SyntheticCensus.plan(OPEN, 2026);

        List<String> refusals = new ArrayList<>();
        for (TrustPlan plan : plans) {
            if (plan.responds()) {
                check(plan.official(), ResponseKind.OFFICIAL, plan.trust().odsCode() + " official", refusals);
                for (int i = 0; i < plan.individuals().size(); i++) {
                    check(plan.individuals().get(i), ResponseKind.INDIVIDUAL, plan.trust().odsCode() + " #" + i, refusals);
                }
            }
        }

        assertThat(refusals).isEmpty();
    }

    @Test
    void plan_shouldBeTheSame_forTheSameSeed() {
        assertThat(SyntheticCensus.plan(OPEN, 7)).isEqualTo(SyntheticCensus.plan(OPEN, 7));
        assertThat(SyntheticCensus.plan(OPEN, 7)).isNotEqualTo(SyntheticCensus.plan(OPEN, 8));
    }

    @Test
    void plan_shouldHaveSeventyToEightyFivePercentOfEachPeerGroupRespond() {
        Map<String, List<TrustPlan>> byGroup = SyntheticCensus.plan(OPEN, 2026).stream()
                .collect(Collectors.groupingBy(p -> p.trust().type()));

        for (String group : List.of("acute", "mental_health")) {
            List<TrustPlan> plans = byGroup.get(group);
            double rate = plans.stream().filter(TrustPlan::responds).count() / (double) plans.size();
            assertThat(rate).as(group).isBetween(0.70, 0.88);
        }
        assertThat(byGroup.values().stream().flatMap(List::stream).filter(TrustPlan::responds).count())
                .isBetween((long) (OPEN.size() * 0.70), (long) (OPEN.size() * 0.88));
    }

    @Test
    void plan_shouldGiveZeroToThirtyIndividualsAndSomeWelshEmojiAndDraftCases() {
        List<TrustPlan> plans = SyntheticCensus.plan(OPEN, 2026);

        assertThat(plans).allSatisfy(p -> assertThat(p.individuals().size()).isBetween(0, 30));
        assertThat(plans).anySatisfy(p -> assertThat(p.individuals()).isEmpty());
        assertThat(plans).anySatisfy(p -> assertThat(p.individuals().size()).isGreaterThanOrEqualTo(20));
        List<Object> texts = plans.stream().filter(TrustPlan::responds).map(p -> p.official().answers().get("Q42")).toList();
        assertThat(texts).anySatisfy(t -> assertThat(String.valueOf(t)).contains("ŵ"));
        assertThat(texts).anySatisfy(t -> assertThat(String.valueOf(t)).contains("💙"));
        assertThat(plans).anySatisfy(p -> assertThat(p.responds() && p.official().status().equals("DRAFT")).isTrue());
    }

    private static void check(TrustPlan.Answered response, ResponseKind kind, String who, List<String> refusals) {
        ValidationResult result = Validation.validate(DEFINITION, kind, ResponseStatus.valueOf(response.status()), response.raw());
        if (result instanceof ValidationResult.Rejected rejected) {
            refusals.add(who + ": " + rejected.errors());
        }
    }
}
