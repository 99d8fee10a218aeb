package nhssm.report.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import nhssm.core.stats.Count;
import nhssm.core.stats.NoValues;
import nhssm.core.stats.Summary;
import nhssm.core.stats.Suppressed;
import nhssm.core.stats.SuppressionRule;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void count_shouldGiveCountsWithAWholePercentage_fromABaseOf20() {
        assertThat(Figures.count(Count.of(31, 42))).isEqualTo("31 of 42 (74%)");
        assertThat(Figures.trusts(Count.of(31, 42))).isEqualTo("31 of 42 trusts (74%)");
        assertThat(Figures.count(Count.of(1, 8))).isEqualTo("1 of 8");
        assertThat(Figures.trusts(Count.of(7, 19))).isEqualTo("7 of 19 trusts");
        assertThat(Figures.trusts(Count.of(1, 1))).isEqualTo("1 of 1 trust");
        assertThat(Figures.count(Count.of(5, 40), "responding trusts")).isEqualTo("5 of 40 responding trusts (13%)");
        assertThat(Figures.percent(Count.of(7, 19))).isEmpty();
        assertThat(Figures.shortCount(Count.of(7, 19))).isEqualTo("7");
        assertThat(Figures.shortCount(Count.of(10, 20))).isEqualTo("50%");
    }

    @Test
    void cells_shouldShowWithheldFiguresAsC_andMissingOnesAsX_neverAsZero() {
        Suppressed withheld = new Suppressed(SuppressionRule.BREAKDOWN_CELL);
        assertThat(Figures.count(withheld)).isEqualTo("[c]");
        assertThat(Figures.trusts(withheld)).isEqualTo("[c]");
        assertThat(Figures.median(withheld)).isEqualTo("[c]");
        assertThat(Figures.median(new NoValues())).isEqualTo("[x]");
        assertThat(Figures.interquartileRange(new NoValues())).isEqualTo("[x]");
        assertThat(Figures.share(withheld)).isEmpty();
        assertThat(Figures.share(Count.of(0, 0))).isEmpty();
    }

    @Test
    void summary_shouldPrintNumbersExactlyAsCalculated() {
        Summary summary = Summary.of(List.of(new BigDecimal("3"), new BigDecimal("7"), new BigDecimal("8"),
                new BigDecimal("20")));
        assertThat(Figures.median(summary)).isEqualTo("7.5");
        assertThat(Figures.interquartileRange(summary)).isEqualTo("6 to 11");
        assertThat(Figures.range(summary)).isEqualTo("3 to 20");
        assertThat(Figures.n(summary)).isEqualTo("4");
        assertThat(Figures.number(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(Figures.number(new BigDecimal("2E+1"))).isEqualTo("20");
    }

    @Test
    void suppressionNote_shouldExplainEachRuleThatApplied_andNothingOtherwise() {
        assertThat(Figures.suppressionNote(List.of(Count.of(3, 4)))).isEmpty();
        assertThat(Figures.suppressionNote(List.of(new Suppressed(SuppressionRule.BREAKDOWN_CELL), Count.of(1, 5),
                new Suppressed(SuppressionRule.PEER_GROUP_RESPONDING), new Suppressed(SuppressionRule.BREAKDOWN_CELL))))
                .isEqualTo("[c] marks a figure withheld: "
                        + SuppressionRule.PEER_GROUP_RESPONDING.description() + " "
                        + SuppressionRule.BREAKDOWN_CELL.description());
    }
}
