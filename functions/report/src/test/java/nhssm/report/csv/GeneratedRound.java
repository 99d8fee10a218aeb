package nhssm.report.csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;

/**
 * Reconciled trust records of a generated round, from a seed: each trust open on the census date responds
 * with probability {@code responseRate}, and for every tabulated question has no value, a conflict, or a
 * value of the question's kind (official, majority or median; a scale value may fall between points or be
 * an extra code such as DONT_KNOW). Most responding trusts send an official return; some have individual
 * respondents, with their roles (the role question's codes), and a trust without an official return has at
 * least one. Who responded is drawn from a second generator, so the values are those of the seed alone.
 */
public final class GeneratedRound {

    public static final Instant SUBMITTED = Instant.parse("2026-11-02T10:15:30Z");

    private GeneratedRound() {
    }

    /** Records for {@code definition}'s round; the questions in {@code neverAnswered} have no value anywhere. */
    public static List<TrustRecord> records(SurveyDefinition definition, TrustRegister register, long seed,
            double responseRate, Set<String> neverAnswered) {
        Random random = new Random(seed);
        Random people = new Random(~seed);
        List<String> roles = definition.question(RoundStatistics.ROLE_QUESTION)
                .map(q -> ((AnswerSpec.Single) q.answer()).options().stream().map(Option::code).toList())
                .orElseThrow();
        List<Question> tabulated = tabulated(definition, register);
        List<TrustRecord> records = new ArrayList<>();
        for (Trust trust : register.openOn(definition.censusDate())) {
            if (random.nextDouble() >= responseRate) {
                continue;
            }
            Map<String, Reconciled> values = new HashMap<>();
            for (Question question : tabulated) {
                double draw = random.nextDouble();
                if (neverAnswered.contains(question.id()) || draw < 0.15) {
                    continue;
                }
                values.put(question.id(), draw < 0.22
                        ? new Reconciled.Conflict(Map.of("A", 1, "B", 1), 2)
                        : reconciled(random, answer(random, question.answer())));
            }
            boolean official = people.nextDouble() < 0.8;
            int individuals = people.nextInt(4) + (official ? 0 : 1);
            Map<String, Integer> byRole = new HashMap<>();
            for (int i = 0; i < individuals; i++) {
                byRole.merge(roles.get(people.nextInt(roles.size())), 1, Integer::sum);
            }
            records.add(new TrustRecord(definition.round(), trust.odsCode(), definition.definitionVersion(),
                    official ? SUBMITTED : null, individuals, byRole, values, Map.of(), List.of(), SUBMITTED,
                    1 + random.nextInt(9)));
        }
        return records;
    }

    /** The questions the statistics tabulate, as they say. */
    public static List<Question> tabulated(SurveyDefinition definition, TrustRegister register) {
        return RoundStatistics.compute(definition, register, List.of()).items().stream()
                .map(ItemStatistics::question).toList();
    }

    private static Reconciled reconciled(Random random, Answer answer) {
        return switch (random.nextInt(3)) {
            case 0 -> new Reconciled.FromOfficial(answer);
            case 1 -> new Reconciled.ByMajority(answer, 3);
            default -> new Reconciled.ByMedian(answer, 4);
        };
    }

    private static Answer answer(Random random, AnswerSpec spec) {
        return switch (spec) {
            case AnswerSpec.Single s -> new Answer.Code(pick(random, s.options()).code());
            case AnswerSpec.YesNo y -> new Answer.Code(pick(random, AnswerSpec.YesNo.OPTIONS).code());
            case AnswerSpec.Multiple m -> new Answer.Codes(m.options().stream()
                    .filter(o -> random.nextInt(3) == 0).map(Option::code).toList());
            case AnswerSpec.WholeNumber w -> new Answer.WholeNumber(w.min() + random.nextInt(
                    (int) Math.min(w.max() - w.min() + 1, 60)));
            case AnswerSpec.DecimalNumber d -> new Answer.DecimalNumber(BigDecimal.valueOf(
                    random.nextInt(d.max().movePointRight(1).min(BigDecimal.valueOf(200)).intValue() + 1), 1));
            case AnswerSpec.Likert l -> {
                int kind = random.nextInt(10);
                if (kind == 0 && !l.extraOptions().isEmpty()) {
                    yield new Answer.Code(pick(random, l.extraOptions()).code());
                }
                if (kind == 1) {
                    yield new Answer.DecimalNumber(BigDecimal.valueOf(
                            (l.min() + random.nextInt(l.max() - l.min())) * 10L + 5, 1));
                }
                yield new Answer.ScalePoint(l.min() + random.nextInt(l.max() - l.min() + 1));
            }
            case AnswerSpec.FreeText t -> throw new IllegalArgumentException("free text is not tabulated");
            case AnswerSpec.FromToken t -> throw new IllegalArgumentException("the trust code is not tabulated");
        };
    }

    private static Option pick(Random random, List<Option> options) {
        return options.get(random.nextInt(options.size()));
    }
}
