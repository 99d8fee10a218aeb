package nhssm.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
    private final Advances regularAdvances;
    private final Advances boldAdvances;
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
        this.regularAdvances = new Advances(regular);
        this.boldAdvances = new Advances(bold);
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

    /**
     * The width of text in the font at the size, in points: the sum of its characters' advance widths, as
     * {@link PDType0Font#getStringWidth} adds them, each read from the font once per document (line breaking
     * measures the same characters hundreds of thousands of times).
     */
    float width(PDType0Font font, float size, String text) {
        Advances advances = font == bold ? boldAdvances : regularAdvances;
        float width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += advances.of(cp);
        }
        return width / 1000f * size;
    }

    /** One font's advance widths in thousandths of the font size, by code point, read when first needed. */
    private static final class Advances {
        /** Code points below this are kept in an array (NaN until read): the Latin scripts a report mostly uses. */
        private static final int ARRAY_LIMIT = 0x600;

        private final PDType0Font font;
        private final float[] below = new float[ARRAY_LIMIT];
        private final Map<Integer, Float> above = new HashMap<>();

        Advances(PDType0Font font) {
            this.font = font;
            Arrays.fill(below, Float.NaN);
        }

        float of(int codePoint) {
            if (codePoint < ARRAY_LIMIT) {
                float advance = below[codePoint];
                if (Float.isNaN(advance)) {
                    advance = read(codePoint);
                    below[codePoint] = advance;
                }
                return advance;
            }
            return above.computeIfAbsent(codePoint, this::read);
        }

        private float read(int codePoint) {
            try {
                return font.getStringWidth(Character.toString(codePoint));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (regularFile; boldFile) {
            // closes both parsed font files, even if one fails
        }
    }
}
