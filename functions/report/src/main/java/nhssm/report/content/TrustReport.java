package nhssm.report.content;

import java.util.List;
import nhssm.report.document.Block;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;

/** One trust's report: its answers against its peers and the nation (outline in REPORTS.md). */
public final class TrustReport {

    private TrustReport() {
    }

    // Placeholder body while the content is written; replaced before the reports issue is resolved.
    public static ReportDocument build(RoundData data, String odsCode) {
        return new ReportDocument("Social media in " + odsCode + " " + data.definition().round(),
                ReportDocument.ENGLISH_UK,
                new ReportMetadata("Trust report", data.definition().round(), data.definition().definitionVersion(),
                        RoundData.METHODOLOGY_VERSION, data.snapshotId(), data.asOf()),
                List.of(Block.Section.of("How to read this report", Block.Paragraph.of("To be written."))));
    }
}
