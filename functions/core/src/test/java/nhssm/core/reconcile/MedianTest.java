package nhssm.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedianTest {

    private static List<BigDecimal> numbers(String spaced) {
        return Arrays.stream(spaced.split(" ")).map(BigDecimal::new).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7|7",                // one value
        "3 1 2|2",            // odd: the middle of 1 2 3
        "4 1 3 2|2.5",        // even: (2 + 3) / 2
        "1 1 5 5|3",          // even with a whole mean: 3, not 3.0
        "0.1 0.2|0.15",       // the mean may need one more decimal place
        "10 30|20",           // no trailing zeros, and no exponent (not 2E+1)
        "2.50 2.5 2.500|2.5", // equal values typed with different scales
        "0 0|0",
        "-3 3|0",
    })
    void of_shouldGiveTheMiddleValueOrTheMeanOfTheMiddleTwo_whenGivenNumbers(String values, String expected) {
        // Arrange
        List<BigDecimal> input = numbers(values);

        // Act
        BigDecimal median = Median.of(input);

        // Assert: equal including the scale, so 3 is not 3.0.
        assertThat(median).isEqualTo(new BigDecimal(expected));
        assertThat(median.toString()).isEqualTo(expected);
    }

    @Test
    void of_shouldRefuse_whenThereAreNoValues() {
        // Act / Assert
        assertThatThrownBy(() -> Median.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"3,true", "3.0,true", "30,true", "0,true", "3.5,false", "0.01,false"})
    void isWhole_shouldTellAWholeNumber_whenGivenAnyScale(String value, boolean whole) {
        // Act / Assert
        assertThat(Median.isWhole(new BigDecimal(value))).isEqualTo(whole);
    }
}
