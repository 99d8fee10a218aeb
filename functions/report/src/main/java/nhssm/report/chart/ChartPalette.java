package nhssm.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The one palette of the charts in every format (PDF and HTML), from the NHS identity colours. Every colour
 * that draws a chart mark has at least 3:1 contrast against the white page, and every fill that may carry
 * text names the text colour that has at least 4.5:1 against it (ChartPaletteTest checks both by the WCAG
 * formula). Text outside the marks is {@link #TEXT} on white. No red or green: most
 * survey items are neutral, so no colour may suggest good or bad. Colour never carries meaning alone: the
 * categories are also named in a key in their order, printed on the segments, and listed in the table.
 */
public final class ChartPalette {

    /** An sRGB colour with the name it has in the NHS identity guidelines. */
    public record Colour(String name, int rgb) {
        /** The red component, 0..1. */
        public float red() {
            return (rgb >> 16 & 0xFF) / 255f;
        }

        /** The green component, 0..1. */
        public float green() {
            return (rgb >> 8 & 0xFF) / 255f;
        }

        /** The blue component, 0..1. */
        public float blue() {
            return (rgb & 0xFF) / 255f;
        }

        /** The colour as written in CSS and SVG: {@code #rrggbb}, lower case. */
        public String hex() {
            return String.format("#%06x", rgb & 0xFFFFFF);
        }
    }

    /** A fill for a chart mark and the colour of any text printed on it. */
    public record Fill(Colour mark, Colour text) {
    }

    public static final Colour WHITE = new Colour("White", 0xFFFFFF);
    public static final Colour NHS_BLACK = new Colour("NHS Black", 0x212B32);
    public static final Colour NHS_DARK_GREY = new Colour("NHS Dark Grey", 0x425563);
    public static final Colour NHS_MID_GREY = new Colour("NHS Mid Grey", 0x768692);
    public static final Colour NHS_BLUE = new Colour("NHS Blue", 0x005EB8);
    public static final Colour NHS_BRIGHT_BLUE = new Colour("NHS Bright Blue", 0x0072CE);
    public static final Colour NHS_DARK_BLUE = new Colour("NHS Dark Blue", 0x003087);
    public static final Colour NHS_PURPLE = new Colour("NHS Purple", 0x330072);
    public static final Colour NHS_DARK_PINK = new Colour("NHS Dark Pink", 0x7C2855);
    public static final Colour NHS_PINK = new Colour("NHS Pink", 0xAE2573);

    /** Text on the page, outside the marks (and the key's words, labels, notes and scale ends): 14:1 on white. */
    public static final Colour TEXT = NHS_BLACK;

    /** The bars of a single-series bar chart. */
    public static final Fill BAR = new Fill(NHS_BLUE, WHITE);
    /** The baseline of bars and the centre line of diverging bars. */
    public static final Colour AXIS = NHS_DARK_GREY;

    /** Stacked categories, in order; neighbours differ in hue and lightness, and white gaps separate them. */
    static final List<Fill> CATEGORIES = List.of(
            new Fill(NHS_BLUE, WHITE), new Fill(NHS_DARK_PINK, WHITE), new Fill(NHS_DARK_GREY, WHITE),
            new Fill(NHS_PURPLE, WHITE), new Fill(NHS_PINK, WHITE), new Fill(NHS_DARK_BLUE, WHITE));

    /** Points below the neutral one, from the centre outwards: darker further from the centre. */
    static final List<Fill> BELOW_NEUTRAL = List.of(
            new Fill(NHS_PINK, WHITE), new Fill(NHS_DARK_PINK, WHITE), new Fill(NHS_PURPLE, WHITE));
    /** Points above the neutral one, from the centre outwards. */
    static final List<Fill> ABOVE_NEUTRAL = List.of(
            new Fill(NHS_BRIGHT_BLUE, WHITE), new Fill(NHS_BLUE, WHITE), new Fill(NHS_DARK_BLUE, WHITE));
    /** A diverging scale's neutral point, the segment across the centre line. */
    public static final Fill NEUTRAL = new Fill(NHS_DARK_GREY, WHITE);

    /** A peer spread: the line from lowest to highest, the box over the middle half, the median mark. */
    public static final Colour RANGE = NHS_DARK_GREY;
    public static final Colour BOX = NHS_MID_GREY;
    public static final Colour MEDIAN = NHS_BLACK;
    /** The value placed on a spread; it has 3:1 against the box it may sit on, and a white ring. */
    public static final Colour DOT = NHS_DARK_BLUE;

    private ChartPalette() {
    }

    /**
     * The fill of category {@code index}. Past the sixth category the fills repeat; the key, the order and
     * the printed shares still tell the categories apart.
     */
    public static Fill category(int index) {
        return CATEGORIES.get(index % CATEGORIES.size());
    }

    /**
     * The fills of an ordered scale of {@code points} points with the neutral one at {@code neutralPoint}
     * (-1: none, and the lower half is below). Each side takes shades from the centre outwards, spread over
     * its ramp; a side longer than the ramp repeats the outermost shade.
     */
    public static List<Fill> scale(int points, int neutralPoint) {
        int below = neutralPoint >= 0 ? neutralPoint : points / 2;
        int above = points - below - (neutralPoint >= 0 ? 1 : 0);
        List<Fill> fills = new ArrayList<>();
        List<Fill> belowFills = side(BELOW_NEUTRAL, below);
        for (int i = below - 1; i >= 0; i--) {
            fills.add(belowFills.get(i));
        }
        if (neutralPoint >= 0) {
            fills.add(NEUTRAL);
        }
        fills.addAll(side(ABOVE_NEUTRAL, above));
        return fills;
    }

    /** {@code count} shades of a ramp from the centre outwards: one takes the middle, two the ends. */
    private static List<Fill> side(List<Fill> ramp, int count) {
        List<Fill> shades = new ArrayList<>();
        int last = ramp.size() - 1;
        for (int i = 0; i < count; i++) {
            int index;
            if (count == 1) {
                index = last / 2;
            } else if (count <= ramp.size()) {
                index = Math.round((float) i * last / (count - 1));
            } else {
                index = Math.min(i, last);
            }
            shades.add(ramp.get(index));
        }
        return shades;
    }

    /** Every fill that may carry text, for the contrast check. */
    public static List<Fill> fills() {
        List<Fill> fills = new ArrayList<>(CATEGORIES);
        fills.addAll(BELOW_NEUTRAL);
        fills.addAll(ABOVE_NEUTRAL);
        fills.add(NEUTRAL);
        fills.add(BAR);
        return fills;
    }

    /** Every colour that draws a chart mark on the white page, for the contrast check. */
    public static List<Colour> marks() {
        List<Colour> marks = new ArrayList<>(fills().stream().map(Fill::mark).toList());
        marks.addAll(List.of(AXIS, RANGE, BOX, MEDIAN, DOT));
        return marks;
    }
}
