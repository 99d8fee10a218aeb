package nhssm.report.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.TrustRegister;

/**
 * Everything a round's reports are computed from: the definition, the reference list, the reconciled
 * trust records and their statistics, with the identity of that data.
 *
 * @param snapshotId identifies the data: the same records (by trust and watermark) under the same
 *                   definition give the same id, and any change of a record gives another
 * @param asOf       the latest response in the data (the collection window's opening when there is none);
 *                   reports print it instead of the current time, so the same data renders to the same bytes
 */
public record RoundData(SurveyDefinition definition, TrustRegister register, List<TrustRecord> records,
        RoundStatistics statistics, String snapshotId, Instant asOf) {

    /** The version of the methodology (docs/METHODOLOGY.md) the statistics follow; printed in every report. */
    public static final String METHODOLOGY_VERSION = "2026.1";

    public RoundData {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(register, "register");
        records = List.copyOf(records);
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The round's data from its records, in any order. */
    public static RoundData of(SurveyDefinition definition, TrustRegister register, List<TrustRecord> records) {
        RoundStatistics statistics = RoundStatistics.compute(definition, register, records);
        Instant asOf = records.stream()
                .flatMap(r -> Stream.of(r.lastResponseAt(), r.officialSubmittedAt()))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(definition.window().opensAt());
        return new RoundData(definition, register, records, statistics, snapshotId(definition, records), asOf);
    }

    private static String snapshotId(SurveyDefinition definition, List<TrustRecord> records) {
        StringBuilder identity = new StringBuilder(definition.round()).append('\n')
                .append(definition.definitionVersion()).append('\n')
                .append(METHODOLOGY_VERSION).append('\n');
        records.stream()
                .sorted(Comparator.comparing(TrustRecord::odsCode))
                .forEach(r -> identity.append(r.odsCode()).append(':').append(r.watermark()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return definition.round() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
