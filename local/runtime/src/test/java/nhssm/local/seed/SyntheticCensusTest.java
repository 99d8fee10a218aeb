package nhssm.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.stats.Thresholds;
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

    @Test
    void plan_shouldHaveEveryCaseTheReportsMustHandle_inTheFullCensusAndInASample() {
        for (List<Trust> census : List.of(OPEN, SyntheticCensus.sample(OPEN, 20))) {
            List<TrustPlan> plans = SyntheticCensus.plan(census, 2026);

            List<TrustPlan> thin = plans.stream()
                    .filter(p -> p.trust().type().equals(SyntheticCensus.THIN_PEER_GROUP.type())).toList();
            assertThat(thin.stream().filter(TrustPlan::responds).count())
                    .as("responding trusts of the thin peer group")
                    .isBetween(1L, (long) Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS - 1)
                    .isEqualTo(Math.min(thin.size(), Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS - 1));
            assertThat(thin).filteredOn(TrustPlan::responds)
                    .allSatisfy(p -> assertThat(p.official().status()).isEqualTo("SUBMITTED"));
            assertThat(plans).filteredOn(p -> p.responds() && p.official().status().equals("SUBMITTED"))
                    .anySatisfy(p -> assertThat(p.official().answers().get("Q42"))
                            .isEqualTo(SyntheticCensus.WELSH_EXAMPLE_WITH_EMOJI));
            List<TrustPlan> withoutOfficial = plans.stream()
                    .filter(p -> p.responds() && p.official().status().equals("DRAFT") && !submitted(p).isEmpty())
                    .toList();
            assertThat(withoutOfficial).as("trusts with staff responses only").hasSizeGreaterThanOrEqualTo(2);
            assertThat(withoutOfficial).as("a trust whose staff split evenly on " + SyntheticCensus.SPLIT_QUESTION)
                    .anySatisfy(p -> {
                        Map<Object, Long> split = submitted(p).stream()
                                .map(i -> i.answers().get(SyntheticCensus.SPLIT_QUESTION))
                                .filter(java.util.Objects::nonNull)
                                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
                        assertThat(split).containsOnlyKeys("YES", "NO");
                        assertThat(split.get("YES")).isEqualTo(split.get("NO"));
                    });
        }
    }

    @Test
    void sample_shouldTakeEveryTypeInProportion_inListOrder() {
        List<Trust> sample = SyntheticCensus.sample(OPEN, 30);

        assertThat(sample).hasSizeBetween(25, 35);
        assertThat(sample).isSubsetOf(OPEN);
        assertThat(OPEN.stream().filter(sample::contains).toList()).isEqualTo(sample);
        assertThat(sample.stream().map(Trust::type).distinct())
                .containsExactlyInAnyOrderElementsOf(OPEN.stream().map(Trust::type).distinct().toList());
        assertThat(SyntheticCensus.sample(OPEN, OPEN.size() + 1)).isEqualTo(OPEN);
    }

    private static List<TrustPlan.Answered> submitted(TrustPlan plan) {
        return plan.individuals().stream().filter(i -> i.status().equals("SUBMITTED")).toList();
    }

    private static void check(TrustPlan.Answered response, ResponseKind kind, String who, List<String> refusals) {
        ValidationResult result = Validation.validate(DEFINITION, kind, ResponseStatus.valueOf(response.status()), response.raw());
        if (result instanceof ValidationResult.Rejected rejected) {
            refusals.add(who + ": " + rejected.errors());
        }
    }
}
