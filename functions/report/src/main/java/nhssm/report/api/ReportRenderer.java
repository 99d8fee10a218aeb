package nhssm.report.api;

import nhssm.report.content.NationalReport;
import nhssm.report.content.ReportAudience;
import nhssm.report.content.RoundData;
import nhssm.report.content.TrustReport;
import nhssm.report.csv.NationalCsv;
import nhssm.report.document.ReportDocument;
import nhssm.report.html.HtmlReportWriter;
import nhssm.report.pdf.TaggedPdfWriter;

/**
 * Renders a requested report from a round's data: the document model built by the content classes,
 * then the PDF or HTML writer; the national CSV straight from the data. Every renderer is deterministic,
 * so the same data gives the same bytes.
 */
final class ReportRenderer {

    /**
     * Part of every ETag. Raise it when a change makes any renderer give different bytes for the same data.
     * On AWS the deployed function version is part of the ETag too, so a deployment never serves stale copies.
     */
    static final String VERSION = "2";

    private final TaggedPdfWriter pdf = new TaggedPdfWriter();
    private final HtmlReportWriter html = new HtmlReportWriter();
    private final String version;

    /** {@code deployedVersion}: the Lambda function version ({@code $LATEST} when run unpublished). */
    ReportRenderer(String deployedVersion) {
        this.version = VERSION + "/" + deployedVersion;
    }

    /** What the ETag takes from the renderers. */
    String version() {
        return version;
    }

    /** {@code audience}: whom the copy is for; the national report is always the public's. */
    byte[] render(RoundData data, ReportRequest report, ReportAudience audience) {
        return switch (report) {
            case ReportRequest.National n -> switch (n.format()) {
                case PDF -> pdf.write(NationalReport.build(data));
                case HTML -> html.write(NationalReport.build(data));
                case CSV -> NationalCsv.write(data);
            };
            case ReportRequest.ForTrust t -> document(TrustReport.build(data, t.odsCode(), audience), t.format());
        };
    }

    private byte[] document(ReportDocument document, ReportFormat format) {
        return switch (format) {
            case PDF -> pdf.write(document);
            case HTML -> html.write(document);
            case CSV -> throw new IllegalArgumentException("a document is written as PDF or HTML");
        };
    }
}
