package nhssm.report.content;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.FreeText;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.response.ResponseKind;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Readership;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;

/**
 * Rounds for the report tests: reconciled trust records generated from a survey definition (the real 2026
 * one unless a test changes it) for trusts of the real reference list, from a seed, so a failing test can
 * be repeated. Values cover every kind: official, majority and median values, conflicts, unanswered
 * questions, scale values between two points, don't know, and free text with and without consent.
 */
final class Rounds {

    static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    static final TrustRegister REGISTER = TrustRegister.bundled();

    /** An example of social media making a difference, written in Welsh, quoted with consent. */
    static final String WELSH_EXAMPLE = "Mae ein tîm wedi helpu cleifion i ddod o hyd i'r gwasanaeth iawn "
            + "drwy'r cyfryngau cymdeithasol bob dydd.";

    /** What a generated trust writes in text that must never be published, followed by its ODS code. */
    static final String UNPUBLISHED = "Never publish this comment from ";

    /** What a generated trust writes in an example it did not consent to quote, followed by its ODS code. */
    static final String NOT_CONSENTED = "Not for quoting: example from ";

    private Rounds() {
    }

    /** How generated trusts answer. */
    record Shape(double absent, double conflicts, double officialShare) {
        /** Some questions unanswered, some conflicts, two trusts in three with an official return. */
        static final Shape MIXED = new Shape(0.08, 0.05, 0.66);
        /** Every trust answers every question officially: no conflicts, nothing unanswered. */
        static final Shape COMPLETE = new Shape(0, 0, 1);
    }

    /** The trusts of the reference list open on {@code definition}'s census date. */
    static List<Trust> open(SurveyDefinition definition) {
        return REGISTER.openOn(definition.censusDate());
    }

    /** A round of {@code definition}: one record for each open trust that {@code responds}. */
    static RoundData round(SurveyDefinition definition, long seed, Predicate<Trust> responds, Shape shape) {
        Random random = new Random(seed);
        List<TrustRecord> records = new ArrayList<>();
        for (Trust trust : open(definition)) {
            if (responds.test(trust)) {
                records.add(record(definition, trust, random, shape));
            }
        }
        return RoundData.of(definition, REGISTER, records);
    }

    /** The real 2026 definition, about three trusts in four responding, with every kind of value. */
    static RoundData mixed(long seed) {
        Random who = new Random(seed ^ 0x5DEECE66DL);
        return round(DEFINITION, seed, t -> who.nextDouble() < 0.75, Shape.MIXED);
    }

    static TrustRecord record(SurveyDefinition definition, Trust trust, Random random, Shape shape) {
        boolean official = random.nextDouble() < shape.officialShare();
        int individuals = official ? random.nextInt(4) : 1 + random.nextInt(7);
        Map<String, Integer> roles = new HashMap<>();
        List<Option> roleOptions = ((AnswerSpec.Single) definition.question("Q02").orElseThrow().answer()).options();
        for (int i = 0; i < individuals; i++) {
            roles.merge(roleOptions.get(random.nextInt(roleOptions.size())).code(), 1, Integer::sum);
        }
        Set<String> consent = definition.questions().stream()
                .filter(q -> q.answer() instanceof AnswerSpec.FreeText t && t.consentQuestion() != null)
                .map(q -> ((AnswerSpec.FreeText) q.answer()).consentQuestion())
                .collect(Collectors.toSet());
        Map<String, Reconciled> values = new HashMap<>();
        Map<String, Distribution> distributions = new HashMap<>();
        List<FreeText> freeText = new ArrayList<>();
        for (Question question : definition.questions()) {
            if (question.answer() instanceof AnswerSpec.FreeText text) {
                freeText.addAll(text(question, text, trust, random));
                continue;
            }
            if (question.answer() instanceof AnswerSpec.FromToken || question.id().equals("Q02")
                    || consent.contains(question.id())) {
                continue;
            }
            if (random.nextDouble() < shape.absent() || !question.audience().includes(respondent(official))) {
                continue;
            }
            if (!official && random.nextDouble() < shape.conflicts()) {
                values.put(question.id(), new Reconciled.Conflict(Map.of("A", 1, "B", 1), 2));
                continue;
            }
            Answer answer = answer(question, random, official);
            values.put(question.id(), official ? new Reconciled.FromOfficial(answer)
                    : switch (question.answer()) {
                        case AnswerSpec.WholeNumber w -> new Reconciled.ByMedian(answer, individuals);
                        case AnswerSpec.DecimalNumber d -> new Reconciled.ByMedian(answer, individuals);
                        case AnswerSpec.Likert l when !(answer instanceof Answer.Code) -> new Reconciled.ByMedian(answer, individuals);
                        default -> new Reconciled.ByMajority(answer, individuals);
                    });
            if (question.perception() && individuals > 0) {
                distributions.put(question.id(), new Distribution(Map.of("3", individuals), individuals));
            }
        }
        Instant submitted = definition.window().opensAt().plus(Duration.ofHours(1 + random.nextInt(2000)));
        return new TrustRecord(definition.round(), trust.odsCode(), definition.definitionVersion(),
                official ? submitted : null, individuals, roles, values, distributions, freeText, submitted, 1);
    }

    /** Who answers for the trust: the official return when there is one, otherwise only individuals. */
    private static Audience respondent(boolean official) {
        return official ? Audience.OFFICIAL : Audience.ALL;
    }

    private static Answer answer(Question question, Random random, boolean official) {
        return switch (question.answer()) {
            case AnswerSpec.Single s -> new Answer.Code(s.options().get(random.nextInt(s.options().size())).code());
            case AnswerSpec.YesNo y -> new Answer.Code(random.nextBoolean() ? "YES" : "NO");
            case AnswerSpec.Multiple m -> new Answer.Codes(choices(m, random));
            case AnswerSpec.WholeNumber w -> new Answer.WholeNumber(w.min() + random.nextInt((int) Math.min(w.max() - w.min(), 30) + 1));
            case AnswerSpec.DecimalNumber d -> new Answer.DecimalNumber(BigDecimal.valueOf(random.nextInt(80), 1));
            case AnswerSpec.Likert l -> {
                double roll = random.nextDouble();
                if (roll < 0.07 && !l.extraOptions().isEmpty()) {
                    yield new Answer.Code(l.extraOptions().get(random.nextInt(l.extraOptions().size())).code());
                }
                if (roll < 0.12 && !official) {
                    yield new Answer.DecimalNumber(BigDecimal.valueOf(l.min() * 10 + 5 + 10L * random.nextInt(l.max() - l.min()), 1));
                }
                yield new Answer.ScalePoint(l.min() + random.nextInt(l.max() - l.min() + 1));
            }
            case AnswerSpec.FreeText t -> throw new IllegalArgumentException("free text is not a value");
            case AnswerSpec.FromToken t -> throw new IllegalArgumentException("the trust is not a value");
        };
    }

    /** A few of the options, never an exclusive one with another, within the question's limit. */
    private static List<String> choices(AnswerSpec.Multiple multiple, Random random) {
        List<Option> ordinary = multiple.options().stream().filter(o -> !multiple.exclusive().contains(o.code())).toList();
        if (!multiple.exclusive().isEmpty() && random.nextDouble() < 0.05) {
            return List.of(multiple.exclusive().getFirst());
        }
        int limit = multiple.limit().orElse(ordinary.size());
        List<String> chosen = new ArrayList<>();
        for (Option option : ordinary) {
            if (chosen.size() < limit && random.nextDouble() < 0.45) {
                chosen.add(option.code());
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(ordinary.get(random.nextInt(ordinary.size())).code());
        }
        return chosen;
    }

    private static List<FreeText> text(Question question, AnswerSpec.FreeText spec, Trust trust, Random random) {
        if (!spec.readers().includes(Readership.TRUST)) {
            return List.of(); // the contact email never reaches a record
        }
        if (spec.readers() == Readership.TRUST) {
            return List.of(new FreeText(question.id(), ResponseKind.INDIVIDUAL, UNPUBLISHED + trust.odsCode(), false));
        }
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return List.of(new FreeText(question.id(), ResponseKind.OFFICIAL, WELSH_EXAMPLE, true));
        }
        if (roll < 0.15) {
            return List.of(new FreeText(question.id(), ResponseKind.INDIVIDUAL,
                    "Our " + (1 + random.nextInt(9)) + " campaigns reached\nfamilies who needed the service.", true));
        }
        if (roll < 0.25) {
            return List.of(new FreeText(question.id(), ResponseKind.OFFICIAL, NOT_CONSENTED + trust.odsCode(), false));
        }
        return List.of();
    }

    /** A trust's reconciled answer to a question, unless it has none or its individuals conflicted. */
    static Optional<Answer> value(TrustRecord record, String questionId) {
        return Optional.ofNullable(record.values().get(questionId)).flatMap(v -> switch (v) {
            case Reconciled.FromOfficial o -> Optional.of(o.answer());
            case Reconciled.ByMajority m -> Optional.of(m.answer());
            case Reconciled.ByMedian m -> Optional.of(m.answer());
            case Reconciled.Conflict c -> Optional.empty();
        });
    }
}
