package nhssm.core.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nhssm.core.response.Answer;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Readership;
import nhssm.core.survey.SurveyDefinition;

/**
 * Derives one trust's reconciled record for a round from all of its current responses (SURVEY.md,
 * "From responses to one record per trust"; the rules and their reasons are in docs/METHODOLOGY.md).
 *
 * <p>Pure: no I/O and no clock. The same responses in any order give an equal {@link TrustRecord}, so
 * recomputing a trust after a duplicate or reordered change gives the same record.
 *
 * <p>Only submitted responses count; drafts are ignored. Of the submitted ones:
 * <ul>
 *   <li>the latest submitted official return supplies every question it answered ({@link Provenance#OFFICIAL});
 *   <li>a question it left unanswered falls back to the submitted individual responses that answered it:
 *       single choice and yes/no by majority, else {@link Provenance#CONFLICT}; multiple choice option
 *       by option by majority; numbers and scale points by median;
 *   <li>every perception item keeps the distribution of individual answers, official answer or not;
 *   <li>free text is never merged: each answer is kept apart, quotable only with consent given in
 *       the same response.
 * </ul>
 *
 * <p>Values are reconciled from answers that fit the definition: a question the definition does not
 * have, a question the response's kind is not asked (an individual's answer to an official-only
 * question), or an answer of the wrong shape or with a code the question does not offer is left out,
 * as if unanswered. Stored responses have been validated, so this only matters across definition
 * versions.
 */
public final class Reconciliation {

    /** The respondent's role: counted per individual response, never reconciled into a trust value. */
    static final String ROLE_QUESTION = "Q02";

    private static final String YES = "YES";

    /** The official return that counts is the one submitted last; the rest only make the order total. */
    private static final Comparator<StoredResponse> LATEST_SUBMISSION =
            Comparator.comparing(StoredResponse::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(StoredResponse::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(StoredResponse::version)
                    .thenComparing(r -> r.key().id());

    /** Individual responses in the order they were started. */
    private static final Comparator<StoredResponse> BY_CREATION =
            Comparator.comparing(StoredResponse::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(r -> r.key().id());

    private Reconciliation() {
    }

    /**
     * The reconciled record of the trust the responses belong to.
     *
     * @param definition the round's survey definition
     * @param responses  all current responses of one trust in one round: any kind, any status, at least one
     * @param watermark  the trust's change count the responses were read at, kept on the record
     * @throws IllegalArgumentException when there are no responses (use
     *                                  {@link #reconcile(SurveyDefinition, String, String, List, long)}), or they
     *                                  belong to more than one trust or to another round than the definition's
     */
    public static TrustRecord reconcile(SurveyDefinition definition, List<StoredResponse> responses, long watermark) {
        Objects.requireNonNull(responses, "responses");
        if (responses.isEmpty()) {
            throw new IllegalArgumentException(
                    "no responses to name the trust: pass its round and ODS code to reconcile a trust without any");
        }
        ResponseKey key = responses.getFirst().key();
        return reconcile(definition, key.round(), key.odsCode(), responses, watermark);
    }

    /**
     * The reconciled record of trust {@code odsCode} in {@code round}; with no responses (or only
     * drafts), a record of a trust that has not responded.
     *
     * @throws IllegalArgumentException when a response belongs to another trust or round, or the
     *                                  definition is not the round's
     */
    public static TrustRecord reconcile(
            SurveyDefinition definition, String round, String odsCode, List<StoredResponse> responses, long watermark) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(responses, "responses");
        if (!definition.round().equals(round)) {
            throw new IllegalArgumentException(
                    "definition of round " + definition.round() + " cannot reconcile round " + round);
        }
        for (StoredResponse response : responses) {
            ResponseKey key = response.key();
            if (!round.equals(key.round()) || !odsCode.equals(key.odsCode())) {
                throw new IllegalArgumentException("response " + key.id() + " belongs to " + key.odsCode()
                        + " in round " + key.round() + ", not to " + odsCode + " in round " + round);
            }
        }

        List<StoredResponse> submitted = currentPerId(responses).stream()
                .filter(r -> r.status() == ResponseStatus.SUBMITTED)
                .toList();
        Optional<StoredResponse> official = submitted.stream()
                .filter(r -> r.kind() == ResponseKind.OFFICIAL)
                .max(LATEST_SUBMISSION);
        List<StoredResponse> individuals = submitted.stream()
                .filter(r -> r.kind() == ResponseKind.INDIVIDUAL)
                .sorted(BY_CREATION)
                .toList();
        return new Trust(definition, official, individuals).record(round, odsCode, watermark);
    }

    /**
     * One response per id: the highest version. The caller passes current responses, so this only
     * guards against the same response listed twice.
     */
    private static List<StoredResponse> currentPerId(List<StoredResponse> responses) {
        Map<String, StoredResponse> byId = new TreeMap<>();
        for (StoredResponse response : responses) {
            byId.merge(response.key().id(), response, (a, b) -> {
                if (a.version() != b.version()) {
                    return a.version() > b.version() ? a : b;
                }
                if (!a.equals(b)) {
                    throw new IllegalArgumentException("response " + a.key().id() + " is listed twice at version "
                            + a.version() + " with different contents");
                }
                return a;
            });
        }
        return List.copyOf(byId.values());
    }

    /** The counted responses of one trust: its official return (if any) and its individuals, oldest first. */
    private record Trust(SurveyDefinition definition, Optional<StoredResponse> official, List<StoredResponse> individuals) {

        TrustRecord record(String round, String odsCode, long watermark) {
            Set<String> consentQuestions = consentQuestions(definition);
            Map<String, Reconciled> values = new LinkedHashMap<>();
            Map<String, Distribution> distributions = new LinkedHashMap<>();
            for (Question question : definition.questions()) {
                if (isTrustValue(question, consentQuestions)) {
                    value(question).ifPresent(v -> values.put(question.id(), v));
                }
                if (question.perception() && question.answer() instanceof AnswerSpec.Likert likert) {
                    Distribution distribution = distribution(question, likert);
                    if (distribution.answering() > 0) {
                        distributions.put(question.id(), distribution);
                    }
                }
            }
            return new TrustRecord(
                    round,
                    odsCode,
                    definition.definitionVersion(),
                    official.map(StoredResponse::updatedAt).orElse(null),
                    individuals.size(),
                    roles(),
                    values,
                    distributions,
                    freeText(),
                    counted().map(StoredResponse::updatedAt).filter(Objects::nonNull)
                            .max(Comparator.naturalOrder()).orElse(null),
                    watermark);
        }

        private Stream<StoredResponse> counted() {
            return Stream.concat(official.stream(), individuals.stream());
        }

        /**
         * The official answer, else the individuals' answers reconciled by the question's type; empty
         * when nobody answered.
         */
        private Optional<Reconciled> value(Question question) {
            Optional<Answer> fromOfficial = official.flatMap(o -> answer(question, o));
            if (fromOfficial.isPresent()) {
                return Optional.of(new Reconciled.FromOfficial(fromOfficial.get()));
            }
            List<Answer> answers = individualAnswers(question);
            if (answers.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(switch (question.answer()) {
                case AnswerSpec.Single ignored -> majority(codes(answers), answers.size());
                case AnswerSpec.YesNo ignored -> majority(codes(answers), answers.size());
                case AnswerSpec.Multiple multiple -> majorityOptions(multiple, answers);
                case AnswerSpec.WholeNumber ignored -> medianOfWholeNumbers(answers);
                case AnswerSpec.DecimalNumber ignored -> medianOfDecimals(answers);
                case AnswerSpec.Likert ignored -> medianOfScalePoints(answers);
                case AnswerSpec.FreeText ignored -> throw new IllegalStateException("free text is never a value");
                case AnswerSpec.FromToken ignored -> throw new IllegalStateException("the trust is never a value");
            });
        }

        private List<Answer> individualAnswers(Question question) {
            return individuals.stream().map(r -> answer(question, r)).flatMap(Optional::stream).toList();
        }

        /** Counts by scale point (every point, zeros included) and by extra code, of every individual who answered. */
        private Distribution distribution(Question question, AnswerSpec.Likert likert) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int point = likert.min(); point <= likert.max(); point++) {
                counts.put(Integer.toString(point), 0);
            }
            likert.extraOptions().forEach(extra -> counts.put(extra.code(), 0));
            List<Answer> answers = individualAnswers(question);
            for (Answer answer : answers) {
                String key = switch (answer) {
                    case Answer.ScalePoint point -> Integer.toString(point.value());
                    case Answer.Code code -> code.code();
                    default -> throw new IllegalStateException("a likert answer is a point or a code: " + answer);
                };
                counts.merge(key, 1, Integer::sum);
            }
            return new Distribution(counts, answers.size());
        }

        /** Individual responses by role, from their answers to the role question. */
        private Map<String, Integer> roles() {
            Map<String, Integer> roles = new TreeMap<>();
            definition.question(ROLE_QUESTION).ifPresent(role -> individuals.forEach(r -> answer(role, r)
                    .filter(Answer.Code.class::isInstance)
                    .ifPresent(a -> roles.merge(((Answer.Code) a).code(), 1, Integer::sum))));
            return roles;
        }

        /**
         * Every counted response's free text that the trust may read (the definition's {@code readers}): the official
         * return first, then individuals, each in question order. A text for the census team alone (a contact
         * address) is not a record's to carry.
         */
        private List<FreeText> freeText() {
            List<FreeText> texts = new ArrayList<>();
            counted().forEach(response -> {
                for (Question question : definition.questions()) {
                    if (question.answer() instanceof AnswerSpec.FreeText spec && spec.readers().includes(Readership.TRUST)) {
                        answer(question, response).ifPresent(a -> texts.add(new FreeText(
                                question.id(), response.kind(), ((Answer.Text) a).text(), consentToQuote(spec, response))));
                    }
                }
            });
            return texts;
        }
    }

    /** Quotable only where the question allows it and the same response said YES to its consent question. */
    private static boolean consentToQuote(AnswerSpec.FreeText spec, StoredResponse response) {
        return spec.readers() == Readership.PUBLIC
                && spec.consentQuestion() != null
                && response.answers().code(spec.consentQuestion()).filter(YES::equals).isPresent();
    }

    /**
     * Whether a question carries a value of the trust: not the trust's identity (from the token), not
     * free text (never merged), not the respondent's role (about the person answering) and not a
     * consent to quote (about one response's own text).
     */
    private static boolean isTrustValue(Question question, Set<String> consentQuestions) {
        return !(question.answer() instanceof AnswerSpec.FromToken)
                && !(question.answer() instanceof AnswerSpec.FreeText)
                && !ROLE_QUESTION.equals(question.id())
                && !consentQuestions.contains(question.id());
    }

    private static Set<String> consentQuestions(SurveyDefinition definition) {
        Set<String> consent = new HashSet<>();
        for (Question question : definition.questions()) {
            if (question.answer() instanceof AnswerSpec.FreeText spec && spec.consentQuestion() != null) {
                consent.add(spec.consentQuestion());
            }
        }
        return consent;
    }

    /** The response's answer to the question, if it was asked it and the answer fits the question. */
    private static Optional<Answer> answer(Question question, StoredResponse response) {
        if (!question.audience().includes(response.kind().audience())) {
            return Optional.empty();
        }
        return response.answers().get(question.id()).filter(a -> fits(question.answer(), a));
    }

    private static boolean fits(AnswerSpec spec, Answer answer) {
        return switch (spec) {
            case AnswerSpec.Single single -> answer instanceof Answer.Code(String code) && offers(single.options(), code);
            case AnswerSpec.YesNo ignored ->
                    answer instanceof Answer.Code(String code) && offers(AnswerSpec.YesNo.OPTIONS, code);
            case AnswerSpec.Multiple multiple -> answer instanceof Answer.Codes(List<String> codes)
                    && !codes.isEmpty() && codes.stream().allMatch(code -> offers(multiple.options(), code));
            case AnswerSpec.WholeNumber ignored -> answer instanceof Answer.WholeNumber;
            case AnswerSpec.DecimalNumber ignored -> answer instanceof Answer.DecimalNumber;
            case AnswerSpec.Likert likert -> switch (answer) {
                case Answer.ScalePoint(int point) -> point >= likert.min() && point <= likert.max();
                case Answer.Code(String code) -> offers(likert.extraOptions(), code);
                default -> false;
            };
            case AnswerSpec.FreeText ignored -> answer instanceof Answer.Text;
            case AnswerSpec.FromToken ignored -> false;
        };
    }

    private static boolean offers(List<Option> options, String code) {
        return options.stream().anyMatch(o -> o.code().equals(code));
    }

    private static List<String> codes(List<Answer> answers) {
        return answers.stream().filter(Answer.Code.class::isInstance).map(a -> ((Answer.Code) a).code()).toList();
    }

    /** The code more than half of the {@code answering} gave; without one, the split. */
    private static Reconciled majority(List<String> codes, int answering) {
        Map<String, Integer> split = new TreeMap<>();
        codes.forEach(code -> split.merge(code, 1, Integer::sum));
        for (Map.Entry<String, Integer> entry : split.entrySet()) {
            if (isMajority(entry.getValue(), answering)) {
                return new Reconciled.ByMajority(new Answer.Code(entry.getKey()), answering);
            }
        }
        return new Reconciled.Conflict(split, answering);
    }

    /** Each option, in definition order, that more than half of those who answered chose; possibly none. */
    private static Reconciled majorityOptions(AnswerSpec.Multiple spec, List<Answer> answers) {
        Map<String, Integer> chosen = new TreeMap<>();
        answers.forEach(a -> ((Answer.Codes) a).codes().forEach(code -> chosen.merge(code, 1, Integer::sum)));
        List<String> majority = spec.options().stream()
                .map(Option::code)
                .filter(code -> isMajority(chosen.getOrDefault(code, 0), answers.size()))
                .toList();
        return new Reconciled.ByMajority(new Answer.Codes(majority), answers.size());
    }

    private static boolean isMajority(int count, int answering) {
        return 2L * count > answering;
    }

    private static Reconciled medianOfWholeNumbers(List<Answer> answers) {
        BigDecimal median = Median.of(answers.stream()
                .map(a -> BigDecimal.valueOf(((Answer.WholeNumber) a).value()))
                .toList());
        Answer value = Median.isWhole(median)
                ? new Answer.WholeNumber(median.longValueExact())
                : new Answer.DecimalNumber(median);
        return new Reconciled.ByMedian(value, answers.size());
    }

    private static Reconciled medianOfDecimals(List<Answer> answers) {
        BigDecimal median = Median.of(answers.stream().map(a -> ((Answer.DecimalNumber) a).value()).toList());
        return new Reconciled.ByMedian(new Answer.DecimalNumber(median), answers.size());
    }

    /**
     * The median of the scale points given, extra codes (DONT_KNOW, NOT_APPLICABLE) left out; when
     * nobody gave a point, the majority of the extra codes.
     */
    private static Reconciled medianOfScalePoints(List<Answer> answers) {
        List<BigDecimal> points = answers.stream()
                .filter(Answer.ScalePoint.class::isInstance)
                .map(a -> BigDecimal.valueOf(((Answer.ScalePoint) a).value()))
                .toList();
        if (points.isEmpty()) {
            return majority(codes(answers), answers.size());
        }
        BigDecimal median = Median.of(points);
        Answer value = Median.isWhole(median)
                ? new Answer.ScalePoint(median.intValueExact())
                : new Answer.DecimalNumber(median);
        return new Reconciled.ByMedian(value, points.size());
    }
}
