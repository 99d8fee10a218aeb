package nhssm.local.dynamodb.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

class NumbersTest {

    @Test
    void parse_shouldAccept38SignificantDigits_andRefuse39() {
        String digits38 = "1".repeat(38);
        assertThat(Numbers.text(Numbers.parse(digits38))).isEqualTo(digits38);
        assertThat(Numbers.text(Numbers.parse("0.000" + digits38 + "000"))).isEqualTo("0.000" + digits38);
        assertThatThrownBy(() -> Numbers.parse("1".repeat(39)))
                .isInstanceOf(DynamoDbError.class)
                .hasMessage("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void parse_shouldAcceptTheServicesRange_andRefuseBeyondIt() {
        assertThat(Numbers.parse("9.9999999999999999999999999999999999999E+125")).isNotNull();
        assertThat(Numbers.parse("-1E-130")).isNotNull();
        assertThatThrownBy(() -> Numbers.parse("1E+126")).hasMessageStartingWith("Number overflow.");
        assertThatThrownBy(() -> Numbers.parse("1E-131")).hasMessageStartingWith("Number underflow.");
        // Trailing zeros are not significant: 10^125 written with many zeros is in range.
        assertThat(Numbers.parse("1" + "0".repeat(125))).isNotNull();
    }

    @Test
    void parse_shouldRefuseWhatIsNotANumber() {
        for (String text : new String[] {"", "abc", "1,5", " 1", "1 ", "NaN", "Infinity", "0x10"}) {
            assertThatThrownBy(() -> Numbers.parse(text))
                    .isInstanceOf(DynamoDbError.class)
                    .hasMessage("The parameter cannot be converted to a numeric value: " + text);
        }
    }

    @Test
    void canonical_shouldMakeEqualNumbersEqual() {
        assertThat(Numbers.parse("1.50")).isEqualTo(Numbers.parse("1.5"));
        assertThat(Numbers.parse("-0")).isEqualTo(Numbers.parse("0.00"));
        assertThat(Numbers.text(Numbers.parse("1.2e2"))).isEqualTo("120");
        assertThat(Numbers.text(Numbers.parse("+5"))).isEqualTo("5");
    }
}
