package nhssm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chart palette against WCAG 2.2: 3:1 for chart marks (1.4.11), 4.5:1 for text (1.4.3), no red or green. */
class ChartPaletteTest {

    @Test
    void contrast_shouldFollowTheWcagFormula() {
        assertThat(contrast(0x000000, 0xFFFFFF)).isEqualTo(21.0);
        assertThat(contrast(0x777777, 0x777777)).isEqualTo(1.0);
        // #767676 is the well-known lightest grey with 4.5:1 on white.
        assertThat(contrast(0x767676, 0xFFFFFF)).isBetween(4.5, 4.6);
    }

    @Test
    void hex_shouldWriteTheColourAsCssAndSvgDo() {
        assertThat(ChartPalette.NHS_BLUE.hex()).isEqualTo("#005eb8");
        assertThat(ChartPalette.WHITE.hex()).isEqualTo("#ffffff");
        assertThat(new ChartPalette.Colour("Black", 0x000000).hex()).isEqualTo("#000000");
    }

    @Test
    void marks_shouldHaveAtLeast3To1AgainstWhite() {
        assertThat(ChartPalette.marks()).isNotEmpty().allSatisfy(colour ->
                assertThat(contrast(colour.rgb(), ChartPalette.WHITE.rgb())).as(colour.name()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void text_shouldHaveAtLeast4Point5To1AgainstWhite() {
        assertThat(contrast(ChartPalette.TEXT.rgb(), ChartPalette.WHITE.rgb())).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void fills_shouldCarryTextWithAtLeast4Point5To1() {
        assertThat(ChartPalette.fills()).isNotEmpty().allSatisfy(fill ->
                assertThat(contrast(fill.text().rgb(), fill.mark().rgb()))
                        .as("%s on %s", fill.text().name(), fill.mark().name()).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void spreadMarks_shouldStandOutFromTheBoxTheySitOn() {
        assertThat(contrast(ChartPalette.DOT.rgb(), ChartPalette.BOX.rgb())).isGreaterThanOrEqualTo(3);
        assertThat(contrast(ChartPalette.MEDIAN.rgb(), ChartPalette.BOX.rgb())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void marks_shouldBeNeitherRedNorGreen() {
        assertThat(ChartPalette.marks()).allSatisfy(colour -> {
            float[] hsb = java.awt.Color.RGBtoHSB(colour.rgb() >> 16 & 0xFF, colour.rgb() >> 8 & 0xFF,
                    colour.rgb() & 0xFF, null);
            float hue = hsb[0] * 360;
            boolean coloured = hsb[1] > 0.25f;
            assertThat(coloured && (hue < 15 || hue > 345)).as("%s is red", colour.name()).isFalse();
            assertThat(coloured && hue > 75 && hue < 165).as("%s is green", colour.name()).isFalse();
        });
    }

    @Test
    void scale_shouldGiveEachPointItsOwnFill_withTheNeutralGreyBetweenTheSides() {
        for (int points = 2; points <= 7; points++) {
            int neutral = points % 2 == 1 ? points / 2 : -1;
            var fills = ChartPalette.scale(points, neutral);
            assertThat(fills).as("%d points", points).hasSize(points).doesNotHaveDuplicates();
            if (neutral >= 0) {
                assertThat(fills.get(neutral)).isEqualTo(ChartPalette.NEUTRAL);
            }
            int below = neutral >= 0 ? neutral : points / 2;
            assertThat(fills.subList(0, below)).allMatch(ChartPalette.BELOW_NEUTRAL::contains);
            assertThat(fills.subList(points - below, points)).allMatch(ChartPalette.ABOVE_NEUTRAL::contains);
        }
    }

    /** The WCAG 2.2 contrast ratio of two sRGB colours, from their relative luminance. */
    private static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
