package nhssm.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Medians and quartiles by type 7 (R's default, Excel's QUARTILE.INC): sorted x₁ … xₙ, the p-quantile at
 * 1-based position h = (n − 1)·p + 1, interpolated linearly. All arithmetic is exact decimal, so the
 * tolerance is zero.
 */
class SummaryTest {

    /** Exact decimal arithmetic: no tolerance. */
    private static final Offset<BigDecimal> EXACT = within(BigDecimal.ZERO);

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void of_shouldRefuse_whenThereAreNoValues() {
        // n = 0: no median, no quartiles. The statistics show NoValues ([x]) or a suppressed cell instead.
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 0");
    }

    @Test
    void of_shouldGiveTheOneValueForEveryQuantity_whenNIs1() {
        // Act
        Summary summary = Summary.of(values("7"));

        // Assert
        assertThat(summary).isEqualTo(new Summary(1, d("7"), d("7"), d("7"), d("7"), d("7")));
    }

    @Test
    void of_shouldInterpolateAQuarterAndThreeQuartersOfTheWay_whenNIs2() {
        // n = 2, values 10 and 2 → sorted 2, 10; gap 8.
        // Q1: h = 1·0.25 + 1 = 1.25 → 2 + 0.25·8 = 4. Median: h = 1.5 → 2 + 0.5·8 = 6. Q3: h = 1.75 → 2 + 0.75·8 = 8.
        Summary summary = Summary.of(values("10", "2"));

        assertThat(summary.n()).isEqualTo(2);
        assertThat(summary.min()).isCloseTo(d("2"), EXACT);
        assertThat(summary.lowerQuartile()).isCloseTo(d("4"), EXACT);
        assertThat(summary.median()).isCloseTo(d("6"), EXACT);
        assertThat(summary.upperQuartile()).isCloseTo(d("8"), EXACT);
        assertThat(summary.max()).isCloseTo(d("10"), EXACT);
    }

    @Test
    void of_shouldInterpolateBetweenOrderStatistics_whenNIs4() {
        // n = 4, given as 20, 3, 8, 7 → sorted 3, 7, 8, 20.
        // Q1: h = 3·0.25 + 1 = 1.75 → x1 + 0.75·(x2 − x1) = 3 + 0.75·4 = 6.
        // Median: h = 2.5 → 7 + 0.5·1 = 7.5.
        // Q3: h = 3.25 → x3 + 0.25·(x4 − x3) = 8 + 0.25·12 = 11.
        // (Tukey's hinges would give 5 and 14: the medians of {3, 7} and {8, 20}.)
        Summary summary = Summary.of(values("20", "3", "8", "7"));

        assertThat(summary).isEqualTo(new Summary(4, d("3"), d("6"), d("7.5"), d("11"), d("20")));
        assertThat(summary.interquartileRange()).isCloseTo(d("5"), EXACT);
    }

    @Test
    void of_shouldFallOnOrderStatistics_whenNIs5() {
        // n = 5, sorted 1, 2, 4, 8, 16: h = 2, 3, 4 exactly → Q1 = x2 = 2, median = x3 = 4, Q3 = x4 = 8.
        Summary summary = Summary.of(values("16", "1", "8", "2", "4"));

        assertThat(summary).isEqualTo(new Summary(5, d("1"), d("2"), d("4"), d("8"), d("16")));
    }

    @Test
    void of_shouldBeExactToTwoMoreDecimalPlacesThanTheData_whenValuesHaveOneDecimalPlace() {
        // Q30 (WTE, one decimal place): 0.5, 1.2, 2.0, 3.1.
        // Q1 = 0.5 + 0.75·0.7 = 1.025. Median = 1.2 + 0.5·0.8 = 1.6. Q3 = 2.0 + 0.25·1.1 = 2.275.
        Summary summary = Summary.of(values("3.1", "0.5", "2.0", "1.2"));

        assertThat(summary.lowerQuartile()).isEqualTo(d("1.025"));
        assertThat(summary.median()).isEqualTo(d("1.6"));
        assertThat(summary.upperQuartile()).isEqualTo(d("2.275"));
        assertThat(summary.max()).isEqualTo(d("3.1"));
    }

    @Test
    void new_shouldNormaliseEveryQuantity_whenGivenTrailingZerosOrAnExponent() {
        // Act
        Summary summary = new Summary(1, d("2E+1"), d("20.0"), d("20"), d("20.00"), d("2.0E1"));

        // Assert: written plainly, so a report never prints 2E+1
        assertThat(summary.min().toPlainString()).isEqualTo("20");
        assertThat(summary.upperQuartile().toPlainString()).isEqualTo("20");
        assertThat(summary).isEqualTo(Summary.of(values("20")));
    }

    @Test
    void new_shouldRefuseQuantities_whenOutOfOrder() {
        assertThatThrownBy(() -> new Summary(2, d("1"), d("3"), d("2"), d("3"), d("4")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
