package nhssm.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nhssm.report.PdfUa;
import nhssm.report.document.ReportDocument;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
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

    /**
     * Each marked-content sequence and the element it belongs to name each other: the element's kids give
     * (page, MCID), as a bare MCID on the element's own page (Pg) or a reference naming a later page, and
     * the parent tree maps that page's MCID back to the element. A chart over several pages needs both.
     */
    @Test
    void write_shouldTieEveryMarkedContentToItsElement_inTheKidsAndTheParentTree() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
            COSArray nums = root.getParentTree().getCOSObject().getCOSArray(COSName.NUMS);
            Map<Integer, COSArray> parentsByPage = new HashMap<>();
            for (int i = 0; i < nums.size(); i += 2) {
                parentsByPage.put(((COSInteger) nums.getObject(i)).intValue(), (COSArray) nums.getObject(i + 1));
            }
            Set<String> fromKids = new HashSet<>();
            int bare = 0;
            int references = 0;
            Deque<COSDictionary> elements = new ArrayDeque<>();
            elements.push(root.getCOSObject());
            while (!elements.isEmpty()) {
                COSDictionary element = elements.pop();
                COSBase k = element.getDictionaryObject(COSName.K);
                List<COSBase> kids = new ArrayList<>();
                if (k instanceof COSArray array) {
                    array.forEach(kid -> kids.add(kid instanceof COSObject o ? o.getObject() : kid));
                } else if (k != null) {
                    kids.add(k);
                }
                for (COSBase kid : kids) {
                    COSDictionary page;
                    int mcid;
                    if (kid instanceof COSInteger integer) {
                        page = element.getCOSDictionary(COSName.PG);
                        mcid = integer.intValue();
                        bare++;
                    } else if (kid instanceof COSDictionary d && COSName.getPDFName("MCR").equals(d.getCOSName(COSName.TYPE))) {
                        page = d.getCOSDictionary(COSName.PG);
                        mcid = d.getInt(COSName.MCID);
                        references++;
                    } else {
                        elements.push((COSDictionary) kid);
                        continue;
                    }
                    assertThat(page).as("the page of MCID %d", mcid).isNotNull();
                    int key = page.getInt(COSName.STRUCT_PARENTS);
                    assertThat(parentsByPage.get(key).getObject(mcid)).as("parent tree entry of page %d MCID %d",
                            key, mcid).isSameAs(element);
                    assertThat(fromKids.add(key + ":" + mcid)).as("page %d MCID %d claimed once", key, mcid).isTrue();
                }
            }
            int entries = parentsByPage.values().stream().mapToInt(COSArray::size).sum();
            assertThat(fromKids).as("every parent tree entry is some element's kid").hasSize(entries);
            assertThat(bare).as("MCIDs on their element's page").isPositive();
            assertThat(references).as("references to content continued on a later page").isPositive();
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
