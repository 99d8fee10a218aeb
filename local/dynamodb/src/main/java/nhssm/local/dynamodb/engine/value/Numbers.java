package nhssm.local.dynamodb.engine.value;

import java.math.BigDecimal;

/** DynamoDB's number rules: canonical form and the text it is returned as. */
public final class Numbers {

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
}
