package nhssm.local.dynamodb.engine.value;

import java.math.BigDecimal;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

/** DynamoDB's number rules: what it accepts, its canonical form and the text it is returned as. */
public final class Numbers {

    /** The most significant digits a number may have. */
    public static final int MAX_DIGITS = 38;
    // Positive magnitudes from 1E-130 to 9.99…E+125, as the Developer Guide gives the range.
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private Numbers() {
    }

    /** The canonical form: trailing zeros stripped, so 1.50 and 1.5 are one value; zero is 0. */
    public static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return value.stripTrailingZeros();
    }

    /** The number as the service returns it: plain notation, no exponent. */
    public static String text(BigDecimal value) {
        return canonical(value).toPlainString();
    }

    /** Parses a number as sent in a request, refusing what the service refuses, with its messages. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1))) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoDbError.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return checked(value);
    }

    /** The value in canonical form if DynamoDB can store it (arithmetic results are checked here too). */
    public static BigDecimal checked(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.signum() == 0) {
            return canonical;
        }
        if (canonical.precision() > MAX_DIGITS) {
            throw DynamoDbError.validation("Attempting to store more than 38 significant digits in a Number");
        }
        int exponent = canonical.precision() - canonical.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw DynamoDbError.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoDbError.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return canonical;
    }
}
