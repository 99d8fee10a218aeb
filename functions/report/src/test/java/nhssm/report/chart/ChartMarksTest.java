package nhssm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import nhssm.report.chart.ChartMarks.Dot;
import nhssm.report.chart.ChartMarks.Ends;
import nhssm.report.chart.ChartMarks.Line;
import nhssm.report.chart.ChartMarks.Mark;
import nhssm.report.chart.ChartMarks.Median;
import nhssm.report.chart.ChartMarks.Range;
import nhssm.report.chart.ChartMarks.Segment;
import nhssm.report.chart.ChartMarks.Shape;
import nhssm.report.document.Chart.BandPositions;
import nhssm.report.document.Chart.DivergingBars;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Chart.StackedBars;

import org.junit.jupiter.api.Test;

/** What each kind of chart places where on the 0..1 plot, before any renderer draws it. */
class ChartMarksTest {

    private static final List<String> LIKERT = List.of("Strongly disagree", "Disagree", "Neither", "Agree",
            "Strongly agree");

    @Test
    void bars_shouldRunFromTheOriginToTheValueOnTheScale_withTheShownValueAfterThem() {
        ChartMarks marks = ChartMarks.of(new HorizontalBars(List.of(
                new HorizontalBars.Bar("Facebook", 150, "150 of 200 (75%)"),
                new HorizontalBars.Bar("TikTok", 0, "0 of 200 (0%)")), 200));

        assertThat(marks.rows().get(0).marks()).containsExactly(new Segment(0, 0.75, ChartPalette.BAR, List.of()));
        assertThat(marks.rows().get(0).note()).isEqualTo("150 of 200 (75%)");
        assertThat(marks.rows().get(1).marks()).as("a zero bar draws nothing but its value").isEmpty();
        assertThat(marks.rows().get(1).note()).isEqualTo("0 of 200 (0%)");
        assertThat(marks.key()).isEmpty();
        assertThat(marks.guide()).contains(new Line(0));
    }

    @Test
    void segments_shouldOfferTheirCategoryAndShare_thenTheShareAlone_toPrintInside() {
        ChartMarks marks = ChartMarks.of(new StackedBars(List.of("Has a strategy", "None"), List.of(
                new StackedBars.Row("Acute", List.of(0.75, 0.25), List.of("75%", ""), "n = 40"))));

        List<Segment> acute = segments(marks.rows().get(0));
        assertThat(acute.get(0).texts()).containsExactly("Has a strategy 75%", "75%");
        assertThat(acute.get(1).texts()).as("a share not shown is not printed, nor its category alone").isEmpty();
    }

    @Test
    void stacked_shouldPlaceSharesEndToEndFromTheOrigin_andDrawNothingForASuppressedRow() {
        ChartMarks marks = ChartMarks.of(new StackedBars(List.of("Yes", "Partly", "No"), List.of(
                row("Acute", 0.5, 0.25, 0.125),
                new StackedBars.Row("Ambulance", List.of(), List.of(), "[c]"))));

        List<Segment> acute = segments(marks.rows().get(0));
        assertThat(acute).extracting(Segment::from).containsExactly(0.0, 0.5, 0.75);
        assertThat(acute).extracting(Segment::to).containsExactly(0.5, 0.75, 0.875);
        assertThat(acute).extracting(Segment::fill).containsExactly(ChartPalette.category(0),
                ChartPalette.category(1), ChartPalette.category(2));
        assertThat(marks.rows().get(1).marks()).isEmpty();
        assertThat(marks.rows().get(1).note()).isEqualTo("[c]");
        assertThat(marks.key()).extracting(ChartMarks.KeyEntry::label).containsExactly("Yes", "Partly", "No");
        assertThat(marks.guide()).contains(new Line(0));
    }

    @Test
    void diverging_shouldSplitTheNeutralShareAcrossTheCentreLine_andSpanThePlotExactly() {
        ChartMarks marks = ChartMarks.of(new DivergingBars(LIKERT, 2, List.of(
                row("Mostly against", 0.4, 0.3, 0.2, 0.1, 0.0),
                row("Mostly for", 0.0, 0.1, 0.1, 0.3, 0.5),
                new StackedBars.Row("Withheld", List.of(), List.of(), "[c]"))));

        double centre = ((Line) marks.guide().orElseThrow()).at();
        // Widest left: 0.4 + 0.3 + 0.1 = 0.8; widest right: 0.3 + 0.5 + 0.05 = 0.85.
        assertThat(centre).isCloseTo(0.8 / 1.65, within(1e-12));
        for (int row = 0; row < 2; row++) {
            List<Segment> segments = segments(marks.rows().get(row));
            Segment neutral = segments.stream().filter(s -> s.fill().equals(ChartPalette.NEUTRAL)).findFirst()
                    .orElseThrow();
            assertThat((neutral.from() + neutral.to()) / 2).isCloseTo(centre, within(1e-12));
            for (int i = 1; i < segments.size(); i++) {
                assertThat(segments.get(i).from()).isEqualTo(segments.get(i - 1).to());
            }
        }
        assertThat(segments(marks.rows().get(0)).get(0).from()).isCloseTo(0, within(1e-12));
        assertThat(marks.rows().get(1).end()).isCloseTo(1, within(1e-12));
        assertThat(marks.rows().get(2).marks()).isEmpty();
    }

    @Test
    void diverging_shouldPutTheLowerHalfLeftOfCentre_whenTheScaleHasNoNeutralPoint() {
        ChartMarks marks = ChartMarks.of(new DivergingBars(List.of("Never", "Rarely", "Often", "Always"), -1,
                List.of(row("Trusts", 0.1, 0.2, 0.3, 0.4))));

        double centre = ((Line) marks.guide().orElseThrow()).at();
        List<Segment> segments = segments(marks.rows().get(0));
        assertThat(segments.get(1).to()).isCloseTo(centre, within(1e-12));
        assertThat(segments.get(2).from()).isCloseTo(centre, within(1e-12));
        assertThat(segments).extracting(Segment::fill).containsExactlyElementsOf(ChartPalette.scale(4, -1));
    }

    @Test
    void bands_shouldShareOneScaleFromTheLowestToTheHighestNumber() {
        ChartMarks marks = ChartMarks.of(new BandPositions(List.of(
                position("Acute", new BandPositions.Spread(2, 3, 4, 5, 6), 10.0),
                position("All", new BandPositions.Spread(1, 2, 3, 4, 9), null),
                new BandPositions.Position("Ambulance", Optional.empty(), Optional.of(0.5), "[c]"))));

        // The suppressed row's value is not drawn, so it does not stretch the scale either.
        assertThat(marks.guide()).contains(new Ends("1", "10"));
        List<Mark> acute = marks.rows().get(0).marks();
        assertThat(acute).containsExactly(new Range(1 / 9.0, 5 / 9.0), new ChartMarks.Box(2 / 9.0, 4 / 9.0),
                new Median(3 / 9.0), new Dot(1.0));
        assertThat(marks.rows().get(1).marks()).noneMatch(Dot.class::isInstance).hasSize(3);
        assertThat(marks.rows().get(2).marks()).isEmpty();
        assertThat(marks.rows().get(2).note()).isEqualTo("[c]");
        assertThat(marks.key()).extracting(ChartMarks.KeyEntry::symbol)
                .containsExactly(Shape.RANGE, Shape.BOX, Shape.MEDIAN, Shape.DOT);
    }

    @Test
    void bands_shouldNameOnlyWhatIsDrawn_whenNoRowHasAValueOrASpread() {
        ChartMarks spreadsOnly = ChartMarks.of(new BandPositions(List.of(
                position("Acute", new BandPositions.Spread(0.5, 1, 1.25, 2, 3.333), null))));
        ChartMarks allSuppressed = ChartMarks.of(new BandPositions(List.of(
                new BandPositions.Position("Ambulance", Optional.empty(), Optional.empty(), "[c]"))));

        assertThat(spreadsOnly.key()).extracting(ChartMarks.KeyEntry::symbol).doesNotContain(Shape.DOT);
        assertThat(spreadsOnly.guide()).contains(new Ends("0.5", "3.33"));
        assertThat(allSuppressed.key()).isEmpty();
        assertThat(allSuppressed.guide()).isEmpty();
    }

    private static StackedBars.Row row(String label, double... shares) {
        List<Double> values = java.util.Arrays.stream(shares).boxed().toList();
        return new StackedBars.Row(label, values, values.stream().map(v -> Math.round(v * 100) + "%").toList(),
                "n = 40");
    }

    private static BandPositions.Position position(String label, BandPositions.Spread spread, Double value) {
        return new BandPositions.Position(label, Optional.of(spread), Optional.ofNullable(value), "note");
    }

    private static List<Segment> segments(ChartMarks.Row row) {
        return row.marks().stream().map(Segment.class::cast).toList();
    }
}
