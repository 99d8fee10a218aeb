package nhssm.report.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The pages of a report as they fill from top to bottom, and the only way to put content on them: every
 * drawing happens inside either a marked-content sequence tied to a structure element (with its MCID
 * recorded for the parent tree) or an Artifact, so nothing is ever drawn untagged.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN_X = 56;
    static final float TOP = SIZE.getHeight() - 72;
    static final float BOTTOM = 64;
    static final float WIDTH = SIZE.getWidth() - 2 * MARGIN_X;

    /** One page: its content stream while it is being drawn and the structure element of each MCID on it. */
    static final class Sheet {
        final PDPage page;
        final int number;
        final List<PDStructureElement> parents = new ArrayList<>();
        PDPageContentStream content;

        Sheet(PDPage page, int number) {
            this.page = page;
            this.number = number;
        }
    }

    /** Draws what repeats on a page (running header, footer, page number) when the page is started. */
    interface PageDecoration {
        void decorate(PageFlow flow, Sheet sheet) throws IOException;
    }

    private final PDDocument document;
    private final PageDecoration decoration;
    private final List<Sheet> sheets = new ArrayList<>();
    private final Deque<Sheet> reserved = new ArrayDeque<>();
    private final Map<String, PDPropertyList> artifacts = new HashMap<>();
    private Sheet current;
    private float y;

    PageFlow(PDDocument document, PageDecoration decoration) {
        this.document = document;
        this.decoration = decoration;
    }

    /** Adds pages now, in document order, to be drawn later (the contents page, once page numbers are known). */
    List<Sheet> reserve(int count) {
        List<Sheet> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(addSheet());
        }
        return pages;
    }

    /** Makes the next pages drawn by {@link #newPage()} the reserved ones, in order. */
    void drawInto(List<Sheet> pages) throws IOException {
        closeCurrent();
        reserved.addAll(pages);
        current = null;
    }

    /** Starts a new page (a reserved one if any is waiting) and draws its decoration. */
    void newPage() throws IOException {
        closeCurrent();
        current = reserved.isEmpty() ? addSheet() : reserved.removeFirst();
        current.content = new PDPageContentStream(document, current.page);
        y = TOP;
        decoration.decorate(this, current);
    }

    private Sheet addSheet() {
        PDPage page = new PDPage(SIZE);
        // Tab order follows the structure (PDF/UA).
        page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
        page.setStructParents(sheets.size());
        document.addPage(page);
        Sheet sheet = new Sheet(page, sheets.size() + 1);
        sheets.add(sheet);
        return sheet;
    }

    private void closeCurrent() throws IOException {
        if (current != null && current.content != null) {
            current.content.close();
            current.content = null;
        }
    }

    /** Starts a new page unless the given height still fits above the bottom margin. */
    void ensure(float height) throws IOException {
        if (current == null || y - height < BOTTOM) {
            newPage();
        }
    }

    boolean atTopOfPage() {
        return current != null && y == TOP;
    }

    float y() {
        return y;
    }

    void down(float amount) {
        y -= amount;
    }

    Sheet sheet() {
        return current;
    }

    PDPageContentStream content() {
        return current.content;
    }

    /** Opens a marked-content sequence on the current page that belongs to the element. */
    void beginTagged(PDStructureElement element) throws IOException {
        int mcid = current.parents.size();
        current.parents.add(element);
        // The element's page (Pg) is where its content starts. There an MCID alone identifies the content;
        // content continued on a later page needs a reference naming its page, written inline, not as an object.
        COSDictionary page = element.getCOSObject().getCOSDictionary(COSName.PG);
        if (page == null) {
            element.setPage(current.page);
            page = current.page.getCOSObject();
        }
        if (page == current.page.getCOSObject()) {
            element.appendKid(mcid);
        } else {
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setPage(current.page);
            reference.setMCID(mcid);
            reference.getCOSObject().setDirect(true);
            element.appendKid(reference);
        }
        current.content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
    }

    /** Opens an Artifact sequence; type is Pagination, Layout or Page, subtype e.g. Header or Footer (or null). */
    void beginArtifact(Sheet sheet, String type, String subtype) throws IOException {
        // One property list per kind of artifact for the whole document: each page's resources name the same
        // object rather than a new one for every table rule and running header.
        PDPropertyList properties = artifacts.computeIfAbsent(type + '/' + subtype, key -> {
            COSDictionary dictionary = new COSDictionary();
            dictionary.setName(COSName.TYPE, type);
            if (subtype != null) {
                dictionary.setName(COSName.SUBTYPE, subtype);
            }
            return PDPropertyList.create(dictionary);
        });
        sheet.content.beginMarkedContent(COSName.ARTIFACT, properties);
    }

    void end(Sheet sheet) throws IOException {
        sheet.content.endMarkedContent();
    }

    /** Shows one line of text whose left end of the baseline is at (x, baseline). */
    static void showText(PDPageContentStream content, PDType0Font font, float size, float x, float baseline,
            String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    /** The parent tree: for each page (its StructParents key), the structure element of each MCID. */
    COSDictionary parentTree() {
        COSArray numbers = new COSArray();
        for (int i = 0; i < sheets.size(); i++) {
            COSArray parents = new COSArray();
            for (PDStructureElement element : sheets.get(i).parents) {
                parents.add(element.getCOSObject());
            }
            numbers.add(org.apache.pdfbox.cos.COSInteger.get(i));
            numbers.add(parents);
        }
        COSDictionary tree = new COSDictionary();
        tree.setItem(COSName.NUMS, numbers);
        return tree;
    }

    int pageCount() {
        return sheets.size();
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
        current = null;
    }
}
