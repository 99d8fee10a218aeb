package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumberTest {

    @ParameterizedTest
    @CsvSource({"12, 12", "-3, -3", "1.5, 1.5", "1.5e1, 15", "1.5E+1, 15", "150e-2, 1.50", "2e40, 20000000000000000000000000000000000000000",
            "1e-40, 0.0000000000000000000000000000000000000001", "1e0000000000000040, 10000000000000000000000000000000000000000",
            "0, 0", "-0.0, 0.0"})
    void plain_shouldWriteANumberWithinBoundsInPlainNotation(String text, String plain) {
        assertThat(JsonNumber.plain(text)).contains(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1E+41", "1e-41", "0e999999999", "1e99999999999999999999",
            "12345678901234567890123456789012345678901", "0.12345678901234567890123456789012345678901", "", "-", "e5", "1e",
            "1e+", "NaN", "Infinity", "0x10", "1_000", "1.2.3"})
    void plain_shouldRefuse_whatIsOutOfBoundsOrNoNumber(String text) {
        assertThat(JsonNumber.plain(text)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 100_000})
    void plain_shouldRefuseLongNumbers_withoutReadingThemAsNumbers(int digits) {
        assertThat(JsonNumber.plain("9".repeat(digits))).isEmpty();
        assertThat(JsonNumber.plain("1." + "0".repeat(digits) + "e999999999")).isEmpty();
    }
}
