package nhssm.report.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import nhssm.report.PdfUa;
import nhssm.report.document.ReportDocument;
import nhssm.report.pdf.HeadingPlacement;
import nhssm.report.pdf.TaggedPdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The national report through the real tagged PDF writer, checked by veraPDF and read back with PDFBox. */
class NationalReportPdfTest {

    @Test
    void pdf_shouldPassEveryPdfUa1Rule_andReadBackInOutlineOrder() throws IOException {
        RoundData data = Rounds.mixed(31);
        ReportDocument report = NationalReport.build(data);

        byte[] pdf = new TaggedPdfWriter().write(report);

        PdfUa.Verdict verdict = PdfUa.validate(pdf);
        assertThat(verdict.checks()).as("checks made").isPositive();
        assertThat(verdict.failures()).as("failed PDF/UA-1 rules").isEmpty();
        assertThat(verdict.compliant()).isTrue();

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).containsSubsequence("Key findings", "Who responded", "Channels and presence",
                "Maturity profile", "Practice examples", "Methodology", "Caveats and responsible use", "Annex",
                "Accessibility and alternative formats");
        assertThat(text).contains("Mae ein tîm wedi helpu cleifion");
    }

    @Test
    void pdf_shouldLeaveNoHeadingAloneAtTheFootOfAPage() throws IOException {
        for (long seed : new long[] {31, 7, 2026}) {
            ReportDocument report = NationalReport.build(Rounds.mixed(seed));

            byte[] pdf = new TaggedPdfWriter().write(report);

            HeadingPlacement.assertHeadingsKeptWithNext(pdf, report);
        }
    }
}
