package nhssm.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole percentages rounded half up, and only from a base of 20 ("below 20 trusts, counts only"). */
class CountTest {

    @ParameterizedTest(name = "{0} of {1} = {3} → {2} %")
    @CsvSource({
            // count, of, percent, exact value worked out
            "31,  42,  74,  73.81 (REPORTS.md's example)",
            "140, 190, 74,  73.68 (REPORTS.md's example)",
            "1,   40,  3,   2.5 is half: up",
            "21,  40,  53,  52.5 is half: up",
            "1,   200, 1,   0.5 is half: up",
            "1,   201, 0,   0.4975: down",
            "5,   20,  25,  exactly 20 trusts: a percentage",
            "0,   20,  0,   none",
            "20,  20,  100, all",
            "2,   3000, 0,  0.0667: down",
    })
    void of_shouldGiveTheWholePercentageRoundedHalfUp_whenTheBaseIsAtLeast20(int count, int of, int percent, String worked) {
        // Act
        Count cell = Count.of(count, of);

        // Assert
        assertThat(cell.percent()).as(worked).hasValue(percent);
    }

    @ParameterizedTest(name = "{0} of {1}: counts only")
    @CsvSource({"1, 8", "19, 19", "0, 19", "0, 0"})
    void of_shouldGiveNoPercentage_whenTheBaseIsBelow20(int count, int of) {
        // Act
        Count cell = Count.of(count, of);

        // Assert
        assertThat(cell.percent()).isEmpty();
        assertThat(cell.count()).isEqualTo(count);
        assertThat(cell.of()).isEqualTo(of);
    }

    @Test
    void new_shouldRefuseAPercentage_whenItIsNotTheRoundedShareOfTheCount() {
        // Act / Assert: 3 of 42 is 7.14 %, so 7
        assertThatThrownBy(() -> new Count(3, 42, OptionalInt.of(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Count(3, 19, OptionalInt.of(16))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Count(3, 20, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void new_shouldRefuseACount_whenItIsNegativeOrExceedsItsBase() {
        // Act / Assert
        assertThatThrownBy(() -> Count.of(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Count.of(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
