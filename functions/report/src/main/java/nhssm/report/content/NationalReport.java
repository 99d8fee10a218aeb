package nhssm.report.content;

import java.util.List;
import nhssm.report.document.Block;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;

/** The national report, "The state of social media in the NHS", as a document (outline in REPORTS.md). */
public final class NationalReport {

    private NationalReport() {
    }

    // Placeholder body while the content is written; replaced before the reports issue is resolved.
    public static ReportDocument build(RoundData data) {
        return new ReportDocument("The state of social media in the NHS " + data.definition().round(),
                ReportDocument.ENGLISH_UK,
                new ReportMetadata("National report", data.definition().round(), data.definition().definitionVersion(),
                        RoundData.METHODOLOGY_VERSION, data.snapshotId(), data.asOf()),
                List.of(Block.Section.of("Key findings", Block.Paragraph.of("To be written."))));
    }
}
