package nhssm.report.document;

import java.time.Instant;
import java.util.Objects;

/**
 * What a report was computed from, printed in every report for transparency and used as the document's
 * fixed identity, so that the same data always renders to the same bytes.
 *
 * @param subject              one sentence saying what the report is about
 * @param round                the survey round, for example "2026"
 * @param definitionVersion    the survey definition version
 * @param methodologyVersion   the methodology version
 * @param dataSnapshotId       identifies the data the report was computed from
 * @param publishedAt          the instant written as the document's creation and modification date
 *                             (never the current time, which would make every rendering different)
 */
public record ReportMetadata(String subject, String round, String definitionVersion, String methodologyVersion,
        String dataSnapshotId, Instant publishedAt) {

    public ReportMetadata {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(definitionVersion, "definitionVersion");
        Objects.requireNonNull(methodologyVersion, "methodologyVersion");
        Objects.requireNonNull(dataSnapshotId, "dataSnapshotId");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
