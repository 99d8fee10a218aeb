package nhssm.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import nhssm.report.PdfUa;
import nhssm.report.document.ReportDocument;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaggedPdfWriterTest {

    private static final ReportDocument SAMPLE = SampleReports.everything();
    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = new TaggedPdfWriter().write(SAMPLE);
    }

    @Test
    void write_shouldPassEveryPdfUa1Rule_whenDocumentHasEveryBlockAndChartKind() {
        PdfUa.Verdict verdict = PdfUa.validate(pdf);

        assertThat(verdict.checks()).as("checks made").isPositive();
        assertThat(verdict.failures()).as("failed PDF/UA-1 rules").isEmpty();
        assertThat(verdict.compliant()).isTrue();
    }

    @Test
    void write_shouldExtractHeadingsInOrderAndWelshIntact() throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Lines wrap anywhere, so compare with every run of white space as one space.
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }

        assertThat(text).containsSubsequence(SampleReports.TITLE, "Contents", "Key findings",
                "How to read this report", "Quartile bands", "An example", "Channels and presence",
                "Annex: responses by trust");
        assertThat(text).contains("ŵyr, ŷd, dŵr a tŷ.");
        assertThat(text).contains("Eitem yn Gymraeg gyda ŵ ac ŷ");
        assertThat(text).contains("Trust number 70");
        // Characters no embedded font has are replaced visibly, not dropped.
        assertThat(text).contains("Our followers love it ? and the team ? it");
    }

    @Test
    void write_shouldGiveIdenticalBytes_whenRenderedTwice() {
        assertThat(new TaggedPdfWriter().write(SampleReports.everything())).isEqualTo(pdf);
    }

    @Test
    void write_shouldStartStructureTreeWithDocumentSectH1() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
            List<Object> top = root.getKids();
            assertThat(top).hasSize(1);
            PDStructureElement documentElement = (PDStructureElement) top.get(0);
            assertThat(documentElement.getStructureType()).isEqualTo("Document");
            PDStructureElement firstSect = (PDStructureElement) documentElement.getKids().get(0);
            assertThat(firstSect.getStructureType()).isEqualTo("Sect");
            PDStructureElement heading = (PDStructureElement) firstSect.getKids().get(0);
            assertThat(heading.getStructureType()).isEqualTo("H1");

            List<String> sections = documentElement.getKids().stream()
                    .map(kid -> ((PDStructureElement) kid).getStructureType()).toList();
            assertThat(sections).containsOnly("Sect").hasSize(2 + SAMPLE.body().size());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        }
    }

    @Test
    void write_shouldEmbedEveryFont() throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                    assertThat(font.getCOSObject().containsKey(COSName.TO_UNICODE))
                            .as("%s has ToUnicode", font.getName()).isTrue();
                    // A subset's name carries a six-letter tag: ABCDEF+LiberationSans.
                    assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans.*");
                }
            }
        }
        assertThat(fonts.stream().collect(Collectors.toSet())).isNotEmpty();
    }
}
