package nhssm.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's fonts: Liberation Sans regular and bold (SIL OFL), loaded from the classpath and embedded as
 * subsets with a ToUnicode map. Lambda has no system fonts and the standard 14 fonts cannot encode most
 * Unicode, so nothing else is ever used.
 */
final class ReportFonts {

    private static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

    /** Drawn in place of any character the fonts lack, with the original kept as ActualText. */
    static final int REPLACEMENT_CHARACTER = 0xFFFD;

    final PDType0Font regular;
    final PDType0Font bold;
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;
    /** U+FFFD where both fonts have it, otherwise "?". */
    final String replacement;

    private ReportFonts(PDType0Font regular, PDType0Font bold) {
        this.regular = regular;
        this.bold = bold;
        this.regularCmap = regular.getCmapLookup();
        this.boldCmap = bold.getCmapLookup();
        this.replacement = canDraw(regular, REPLACEMENT_CHARACTER) && canDraw(bold, REPLACEMENT_CHARACTER)
                ? Character.toString(REPLACEMENT_CHARACTER) : "?";
    }

    static ReportFonts load(PDDocument document) {
        return new ReportFonts(load(document, REGULAR), load(document, BOLD));
    }

    private static PDType0Font load(PDDocument document, String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            // Subset: only the glyphs used are embedded, which keeps the report small.
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + resource, e);
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
}
