package nhssm.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's fonts: Liberation Sans regular and bold (SIL OFL), loaded from the classpath and embedded as
 * subsets with a ToUnicode map. Lambda has no system fonts and the standard 14 fonts cannot encode most
 * Unicode, so nothing else is ever used.
 *
 * <p>Closed after the document is saved: the parsed fonts are read while the subsets are written.
 */
final class ReportFonts implements AutoCloseable {

    private static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

    /** The font files, read once per JVM (a warm Lambda renders many reports). */
    private static final byte[] REGULAR_FILE = read(REGULAR);
    private static final byte[] BOLD_FILE = read(BOLD);

    /** Drawn in place of any character the fonts lack, with the original kept as ActualText. */
    static final int REPLACEMENT_CHARACTER = 0xFFFD;

    final PDType0Font regular;
    final PDType0Font bold;
    private final TrueTypeFont regularFile;
    private final TrueTypeFont boldFile;
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;
    /** U+FFFD where both fonts have it, otherwise "?". */
    final String replacement;

    private ReportFonts(PDDocument document, TrueTypeFont regularFile, TrueTypeFont boldFile) throws IOException {
        this.regularFile = regularFile;
        this.boldFile = boldFile;
        // Subset: only the glyphs used are embedded, which keeps the report small.
        this.regular = PDType0Font.load(document, regularFile, true);
        this.bold = PDType0Font.load(document, boldFile, true);
        this.regularCmap = regular.getCmapLookup();
        this.boldCmap = bold.getCmapLookup();
        this.replacement = canDraw(regular, REPLACEMENT_CHARACTER) && canDraw(bold, REPLACEMENT_CHARACTER)
                ? Character.toString(REPLACEMENT_CHARACTER) : "?";
    }

    static ReportFonts load(PDDocument document) {
        try {
            return new ReportFonts(document, parse(REGULAR_FILE), parse(BOLD_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the report fonts", e);
        }
    }

    /**
     * A fresh parse of the font for one document. Glyph substitution (GSUB) is switched off: Liberation
     * Sans needs none for the scripts it covers, and PDFBox applies it by compiling patterns for every
     * string shown, which made it most of a report's rendering time.
     */
    private static TrueTypeFont parse(byte[] file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
        font.setEnableGsub(false);
        return font;
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }

    /** Whether the font has a real glyph (not .notdef) for the code point. */
    boolean canDraw(PDType0Font font, int codePoint) {
        CmapLookup cmap = font == bold ? boldCmap : regularCmap;
        return cmap.getGlyphId(codePoint) != 0;
    }

    /** The width of text in the font at the size, in points. */
    static float width(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (regularFile; boldFile) {
            // closes both parsed font files, even if one fails
        }
    }
}
