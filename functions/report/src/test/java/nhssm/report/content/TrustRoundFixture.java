package nhssm.report.content;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answers;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Restriction;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;

/**
 * A round of the real 2026 definition over the real trust reference list, built the way the system builds
 * it: answers generated from the definition, validated by the server-side rules, stored as submitted
 * responses and reconciled into one record per trust. Most trusts answer at random (seeded, so every run is
 * the same); the named trusts are the cases a trust report must handle.
 */
final class TrustRoundFixture {

    static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    static final TrustRegister REGISTER = TrustRegister.bundled();

    /** Acute: an official return and individuals who wrote in Welsh, with emoji. */
    static final String FREE_TEXT = "R0A";
    /** Acute: six individual responses and no official return; a 3-3 split on one question. */
    static final String NO_OFFICIAL = "R0B";
    /** Acute: two individuals who disagree on several questions. */
    static final String CONFLICTS = "R0D";
    /** Ambulance: only three ambulance trusts respond, below the peer-group threshold of five. */
    static final String SMALL_PEER_GROUP = "RX6";
    /** Acute: open on the census date, and sent nothing. */
    static final String NO_RESPONSE = "RA2";
    /** The one open trust whose type joins no peer group. */
    static final String NO_PEER_GROUP = "K0N6A";
    /** Acute: another trust, whose words must never appear in any other trust's report. */
    static final String OTHER_TRUST = "RA7";
    /** Closed before the census date. */
    static final String CLOSED = "RA3";

    static final String WELSH_EXAMPLE = "Roedd ein hymgyrch ar y cyfryngau cymdeithasol yn llwyddiant mawr gyda "
            + "chleifion yn y gymuned a'r staff hefyd. \uD83C\uDF89";
    static final String EMOJI_EXAMPLE = "Our vaccine campaign reached parents we never reach \uD83D\uDC4D\uD83C\uDFFD "
            + "and the team loved it \u2764\uFE0F";
    static final String WELSH_COMMENT = "Diolch yn fawr, mae'r cwestiynau yn glir iawn ac yn ddefnyddiol i ni.";
    static final String OTHER_TRUSTS_WORDS = "Confidential to Bristol: our night shift rota story";

    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

    private final Random random = new Random(2026);
    private final List<TrustRecord> records = new ArrayList<>();
    private int responses;

    private TrustRoundFixture() {
    }

    /** The round. */
    static RoundData round() {
        return new TrustRoundFixture().build();
    }

    private RoundData build() {
        Set<String> named = Set.of(FREE_TEXT, NO_OFFICIAL, CONFLICTS, SMALL_PEER_GROUP, NO_RESPONSE, NO_PEER_GROUP,
                OTHER_TRUST);
        List<Trust> open = REGISTER.openOn(DEFINITION.censusDate());
        Map<String, Integer> wanted = Map.of("acute", 45, "mental_health", 12, "community", 6, "acute_specialist", 5);
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (Trust trust : open) {
            if (named.contains(trust.odsCode())) {
                continue;
            }
            int n = taken.merge(trust.type(), 1, Integer::sum);
            if (n <= wanted.getOrDefault(trust.type(), 0)) {
                List<StoredResponse> responses = new ArrayList<>();
                responses.add(official(trust.odsCode(), Map.of()));
                for (int i = random.nextInt(3); i > 0; i--) {
                    responses.add(individual(trust.odsCode(), Map.of()));
                }
                add(trust.odsCode(), responses);
            }
        }
        // Two more ambulance trusts: with the case below, three of ten, under the threshold of five.
        add("RX7", List.of(official("RX7", Map.of())));
        add("RX8", List.of(official("RX8", Map.of()), individual("RX8", Map.of())));
        add(SMALL_PEER_GROUP, List.of(official(SMALL_PEER_GROUP, Map.of())));
        add(NO_PEER_GROUP, List.of(official(NO_PEER_GROUP, Map.of())));
        add(OTHER_TRUST, List.of(official(OTHER_TRUST, Map.of("Q42", OTHER_TRUSTS_WORDS, "Q42_CONSENT", "YES",
                "Q43", OTHER_TRUSTS_WORDS + " (comment)"))));

        add(FREE_TEXT, List.of(
                official(FREE_TEXT, Map.of("Q42", WELSH_EXAMPLE + "\n" + EMOJI_EXAMPLE, "Q42_CONSENT", "YES")),
                individual(FREE_TEXT, Map.of("Q43", WELSH_COMMENT)),
                individual(FREE_TEXT, Map.of("Q42", EMOJI_EXAMPLE, "Q42_CONSENT", "NO"))));

        List<StoredResponse> sixIndividuals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sixIndividuals.add(individual(NO_OFFICIAL, Map.of("Q19", i < 3 ? "YES" : "NO",
                    "Q02", i < 4 ? "COMMS_DIGITAL_OFFICER" : "CLINICIAN")));
        }
        add(NO_OFFICIAL, sixIndividuals);

        add(CONFLICTS, List.of(
                individual(CONFLICTS, Map.of("Q13", "STANDALONE", "Q17", "ALL_STAFF", "Q19", "YES")),
                individual(CONFLICTS, Map.of("Q13", "NONE", "Q17", "BLOCKED", "Q19", "NO"))));
        return RoundData.of(DEFINITION, REGISTER, records);
    }

    private void add(String ods, List<StoredResponse> responses) {
        records.add(Reconciliation.reconcile(DEFINITION, responses, responses.size()));
    }

    private StoredResponse official(String ods, Map<String, String> fixed) {
        return response(ods, ResponseKind.OFFICIAL, fixed);
    }

    private StoredResponse individual(String ods, Map<String, String> fixed) {
        return response(ods, ResponseKind.INDIVIDUAL, fixed);
    }

    /** A submitted response: the fixed answers, the rest generated; refused loudly if validation would refuse it. */
    private StoredResponse response(String ods, ResponseKind kind, Map<String, String> fixed) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (Question question : DEFINITION.answerableBy(kind.audience())) {
            if (fixed.containsKey(question.id())) {
                raw.put(question.id(), List.of(fixed.get(question.id())));
            } else {
                generated(question, raw).ifPresent(values -> raw.put(question.id(), values));
            }
        }
        ValidationResult result = Validation.validate(DEFINITION, kind, ResponseStatus.SUBMITTED, RawAnswers.of(raw));
        if (!(result instanceof ValidationResult.Accepted accepted)) {
            throw new IllegalStateException("fixture response for " + ods + " is invalid: " + result);
        }
        Answers answers = accepted.answers();
        Instant at = T0.plusSeconds(3600L * ++this.responses);
        return new StoredResponse(new ResponseKey("2026", ods, "r" + this.responses), kind, ResponseStatus.SUBMITTED, 1,
                DEFINITION.definitionVersion(), answers, at, at, at);
    }

    /** A valid random answer from the question's definition, or none (free text, or ruled out by a restriction). */
    private Optional<List<String>> generated(Question question, Map<String, List<String>> sofar) {
        Optional<Restriction> restriction = question.condition()
                .filter(r -> sofar.getOrDefault(r.question(), List.of()).stream().anyMatch(r.in()::contains));
        if (restriction.isPresent()) {
            return restriction.get().allowed().isEmpty() ? Optional.empty()
                    : Optional.of(List.of(restriction.get().allowed().getFirst()));
        }
        return switch (question.answer()) {
            case AnswerSpec.FromToken t -> Optional.empty();
            case AnswerSpec.FreeText t -> Optional.empty();
            case AnswerSpec.Single s -> Optional.of(List.of(pick(s.options()).code()));
            case AnswerSpec.YesNo y ->
                    Optional.of(List.of(y.mustBeYesToSubmit() || random.nextBoolean() ? "YES" : "NO"));
            case AnswerSpec.Multiple m -> {
                List<String> choices = new ArrayList<>(m.options().stream().map(Option::code)
                        .filter(c -> !m.exclusive().contains(c)).toList());
                java.util.Collections.shuffle(choices, random);
                int n = 1 + random.nextInt(Math.min(m.limit().orElse(4), 4));
                yield Optional.of(List.copyOf(choices.subList(0, n)));
            }
            case AnswerSpec.WholeNumber w -> {
                long max = Math.min(w.max(), w.min() + 30);
                // Generated before the question it must not exceed (Q21 ≤ Q22), so stay at or under its minimum.
                if (w.atMostQuestion().isPresent()) {
                    max = Math.min(max, 1);
                }
                yield Optional.of(List.of(Long.toString(w.min() + random.nextLong(max - w.min() + 1))));
            }
            case AnswerSpec.DecimalNumber d -> {
                int steps = d.max().subtract(d.min()).min(BigDecimal.TEN).movePointRight(d.decimalPlaces()).intValue();
                BigDecimal value = d.min().add(BigDecimal.valueOf(random.nextInt(steps + 1), d.decimalPlaces()));
                yield Optional.of(List.of(value.toPlainString()));
            }
            case AnswerSpec.Likert l -> Optional.of(List.of(!l.extraOptions().isEmpty() && random.nextInt(10) == 0
                    ? l.extraOptions().getFirst().code()
                    : Integer.toString(l.min() + random.nextInt(l.max() - l.min() + 1))));
        };
    }

    private Option pick(List<Option> options) {
        return options.get(random.nextInt(options.size()));
    }
}
