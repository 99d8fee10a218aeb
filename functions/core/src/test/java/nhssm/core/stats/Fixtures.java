package nhssm.core.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;

/** Named fixtures: the real 2026 definition, small fictional registers, and trust records built by hand. */
final class Fixtures {

    static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    static final LocalDate CENSUS = DEFINITION.censusDate();
    static final LocalDate LONG_AGO = LocalDate.of(2001, 4, 1);
    static final Instant SUBMITTED = Instant.parse("2026-11-02T10:15:30Z");

    private Fixtures() {
    }

    /** A trust open since 2001 and still open. */
    static Trust trust(String ods, String type, String region) {
        return new Trust(ods, "TRUST " + ods, type, region, LONG_AGO, null);
    }

    static TrustRegister register(List<Trust> trusts) {
        return new TrustRegister(trusts);
    }

    /** {@code n} open trusts of one type and region, coded prefix1 … prefixN. */
    static List<Trust> trusts(String prefix, int n, String type, String region) {
        List<Trust> trusts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            trusts.add(trust(prefix + i, type, region));
        }
        return trusts;
    }

    static RoundStatistics compute(TrustRegister register, List<TrustRecord> records) {
        return RoundStatistics.compute(DEFINITION, register, records);
    }

    static Record official(String ods) {
        return new Record(ods).official();
    }

    static Record individuals(String ods, int n) {
        return new Record(ods).individuals(n);
    }

    static Answer.Code code(String code) {
        return new Answer.Code(code);
    }

    static Answer.Codes codes(String... codes) {
        return new Answer.Codes(List.of(codes));
    }

    static Answer.WholeNumber whole(long value) {
        return new Answer.WholeNumber(value);
    }

    static Answer.DecimalNumber decimal(String value) {
        return new Answer.DecimalNumber(new BigDecimal(value));
    }

    static Answer.ScalePoint point(int value) {
        return new Answer.ScalePoint(value);
    }

    /** A trust record under construction. */
    static final class Record {
        private final String ods;
        private String round = "2026";
        private Instant official;
        private int individuals;
        private final Map<String, Integer> roles = new HashMap<>();
        private final Map<String, Reconciled> values = new HashMap<>();
        private final Map<String, Distribution> distributions = new HashMap<>();

        Record(String ods) {
            this.ods = ods;
        }

        Record official() {
            official = SUBMITTED;
            return this;
        }

        /** {@code n} individual responses, all from communications officers unless {@link #roles} says otherwise. */
        Record individuals(int n) {
            individuals = n;
            roles.clear();
            if (n > 0) {
                roles.put("COMMS_DIGITAL_OFFICER", n);
            }
            return this;
        }

        Record roles(Map<String, Integer> byRole) {
            roles.clear();
            roles.putAll(byRole);
            return this;
        }

        Record round(String other) {
            round = other;
            return this;
        }

        /** The official return's answer. */
        Record answer(String question, Answer answer) {
            values.put(question, new Reconciled.FromOfficial(answer));
            return this;
        }

        Record majority(String question, Answer answer) {
            values.put(question, new Reconciled.ByMajority(answer, 3));
            return this;
        }

        Record median(String question, Answer answer) {
            values.put(question, new Reconciled.ByMedian(answer, 4));
            return this;
        }

        Record conflict(String question) {
            values.put(question, new Reconciled.Conflict(Map.of("YES", 1, "NO", 1), 2));
            return this;
        }

        Record distribution(String question, Map<String, Integer> counts) {
            distributions.put(question, new Distribution(counts,
                    counts.values().stream().mapToInt(Integer::intValue).sum()));
            return this;
        }

        TrustRecord build() {
            return new TrustRecord(round, ods, "2026.1", official, individuals, roles, values, distributions, List.of(),
                    official == null && individuals == 0 ? null : SUBMITTED, 1);
        }
    }
}
