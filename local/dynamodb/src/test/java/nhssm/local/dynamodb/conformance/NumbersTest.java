package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Numbers: 38 significant digits, magnitudes 1E-130 to under 1E+126, returned without insignificant zeros. */
class NumbersTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void numbers_shouldKeep38SignificantDigits_exactly() {
        String table = Tables.hashKeyTable(dynamo);
        String digits = "12345678901234567890123456789012345678";

        AttributeValue stored = roundTrip(table, n(digits));

        assertThat(stored).isEqualTo(n(digits));
    }

    @Test
    void numbers_shouldKeep38SignificantDigits_withADecimalPoint() {
        String table = Tables.hashKeyTable(dynamo);

        AttributeValue stored = roundTrip(table, n("-0.12345678901234567890123456789012345678"));

        assertThat(stored).isEqualTo(n("-0.12345678901234567890123456789012345678"));
    }

    @Test
    void numbers_shouldRefuse_39SignificantDigits() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> put(table, n("123456789012345678901234567890123456789")));
    }

    @Test
    void numbers_shouldAccept_theLargestAndSmallestMagnitudes() {
        String table = Tables.hashKeyTable(dynamo);

        AttributeValue largest = roundTrip(table, n("9.9999999999999999999999999999999999999E+125"));
        AttributeValue smallest = roundTrip(table, n("1E-130"));
        AttributeValue negative = roundTrip(table, n("-9.9999999999999999999999999999999999999E+125"));

        assertThat(new BigDecimal(largest.n())).isEqualByComparingTo("9.9999999999999999999999999999999999999E+125");
        assertThat(new BigDecimal(smallest.n())).isEqualByComparingTo("1E-130");
        assertThat(new BigDecimal(negative.n())).isEqualByComparingTo("-9.9999999999999999999999999999999999999E+125");
    }

    @Test
    void numbers_shouldRefuse_magnitudesTooLarge() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> put(table, n("1E+126")));
        invalid(() -> put(table, n("-1E+126")));
    }

    @Test
    void numbers_shouldRefuse_magnitudesTooSmall() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> put(table, n("1E-131")));
    }

    @Test
    void numbers_shouldComeBackInCanonicalForm() {
        String table = Tables.hashKeyTable(dynamo);

        assertThat(roundTrip(table, n("1.50"))).isEqualTo(n("1.5"));
        assertThat(roundTrip(table, n("1.0"))).isEqualTo(n("1"));
        assertThat(roundTrip(table, n("007"))).isEqualTo(n("7"));
        assertThat(roundTrip(table, n("-0.250"))).isEqualTo(n("-0.25"));
    }

    @Test
    void arithmetic_shouldRefuse_aResultOfMoreThan38SignificantDigits() {
        String table = Tables.hashKeyTable(dynamo);
        put(table, n("12345678901234567890123456789012345678"));

        invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("n")).updateExpression("SET #v = #v + :tenth")
                .expressionAttributeNames(Map.of("#v", "value"))
                .expressionAttributeValues(Map.of(":tenth", n("0.1")))));

        assertThat(roundTripped(table)).isEqualTo(n("12345678901234567890123456789012345678"));
    }

    @Test
    void arithmetic_shouldBeExact_toTheLastOf38Digits() {
        String table = Tables.hashKeyTable(dynamo);
        put(table, n("9999999999999999999999999999999999999.9"));

        dynamo.updateItem(r -> r.tableName(table).key(key("n")).updateExpression("ADD #v :tenth")
                .expressionAttributeNames(Map.of("#v", "value"))
                .expressionAttributeValues(Map.of(":tenth", n("0.1"))));

        assertThat(roundTripped(table)).isEqualTo(n("10000000000000000000000000000000000000"));
    }

    @Test
    void numbers_shouldRefuse_textThatIsNotANumber() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> put(table, n("twelve")));
        invalid(() -> put(table, n("")));
        invalid(() -> put(table, n("1.2.3")));
        invalid(() -> put(table, n("NaN")));
        invalid(() -> put(table, n("Infinity")));
    }

    @Test
    void numbers_shouldBeOneKey_whateverTheirSpelling() {
        String table = Tables.create(dynamo, b -> b
                .attributeDefinitions(Tables.attribute("pk", ScalarAttributeType.N)));

        dynamo.putItem(r -> r.tableName(table).item(item("pk", n("1.50"), "v", s("first"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", n("1.5"), "v", s("second"))));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).items())
                .containsExactly(item("pk", n("1.5"), "v", s("second")));
    }

    private void put(String table, AttributeValue number) {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("n"), "value", number)));
    }

    private AttributeValue roundTripped(String table) {
        return dynamo.getItem(r -> r.tableName(table).key(key("n")).consistentRead(true)).item().get("value");
    }

    private AttributeValue roundTrip(String table, AttributeValue number) {
        put(table, number);
        Map<String, AttributeValue> stored = dynamo.getItem(r -> r.tableName(table).key(key("n")).consistentRead(true)).item();
        return stored.get("value");
    }
}
