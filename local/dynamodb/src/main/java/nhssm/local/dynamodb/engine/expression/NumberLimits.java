package nhssm.local.dynamodb.engine.expression;

import java.math.BigDecimal;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.Numbers;

/**
 * DynamoDB's number range, checked on the results of update arithmetic and ADD: at most 38 significant
 * digits, magnitude from 1E-130 up to (not including) 1E+126.
 */
final class NumberLimits {

    static final int MAX_DIGITS = 38;
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

    private NumberLimits() {
    }

    /** The number in canonical form if it may be stored; the service's error otherwise. */
    static BigDecimal check(BigDecimal number) {
        BigDecimal value = Numbers.canonical(number);
        if (value.signum() == 0) {
            return value;
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(TOO_LARGE) >= 0) {
            throw DynamoDbError.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw DynamoDbError.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (value.precision() > MAX_DIGITS) {
            throw DynamoDbError.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return value;
    }
}
