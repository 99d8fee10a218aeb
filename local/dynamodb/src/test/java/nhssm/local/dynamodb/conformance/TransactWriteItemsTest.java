package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactWriteItemsTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void transactWriteItems_shouldApplyPutUpdateDeleteAndConditionCheck_together() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("counted"), "count", n(1))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("doomed"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("checked"), "open", Values.bool(true))));

        dynamo.transactWriteItems(r -> r.transactItems(
                put(table, item("pk", s("new"), "v", s("x"))),
                update(table, "counted", "SET #c = #c + :one", Map.of(":one", n(1))),
                delete(table, "doomed"),
                check(table, "checked", "#o = :yes", Map.of(":yes", Values.bool(true)), "#o", "open")));

        assertThat(get(table, "new")).isEqualTo(item("pk", s("new"), "v", s("x")));
        assertThat(get(table, "counted")).isEqualTo(item("pk", s("counted"), "count", n(2)));
        assertThat(get(table, "doomed")).isNull();
        assertThat(get(table, "checked")).isEqualTo(item("pk", s("checked"), "open", Values.bool(true)));
    }

    @Test
    void transactWriteItems_shouldWriteNothing_whenOneConditionFails() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("existing"), "v", n(1))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("checked"), "v", n(1))));

        refused(TransactionCanceledException.class, "TransactionCanceledException", () ->
                dynamo.transactWriteItems(r -> r.transactItems(
                        put(table, item("pk", s("new"))),
                        update(table, "existing", "SET v = :two", Map.of(":two", n(2))),
                        check(table, "checked", "v = :nine", Map.of(":nine", n(9)), null, null))));

        assertThat(get(table, "new")).isNull();
        assertThat(get(table, "existing")).isEqualTo(item("pk", s("existing"), "v", n(1)));
    }

    @Test
    void transactWriteItems_shouldWriteNothingInAnyTable_whenAConditionInAnotherTableFails() {
        String first = Tables.hashKeyTable(dynamo);
        String second = Tables.hashKeyTable(dynamo);

        refused(TransactionCanceledException.class, "TransactionCanceledException", () ->
                dynamo.transactWriteItems(r -> r.transactItems(
                        put(first, item("pk", s("a"))),
                        check(second, "missing", "attribute_exists(pk)", Map.of(), null, null))));

        assertThat(get(first, "a")).isNull();
    }

    @Test
    void transactWriteItems_shouldRefuseWithResourceNotFound_whenATableDoesNotExist() {
        String table = Tables.hashKeyTable(dynamo);

        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.transactWriteItems(r -> r.transactItems(
                        put(table, item("pk", s("a"))), put(EngineExtension.newTableName(), item("pk", s("b"))))));

        assertThat(get(table, "a")).isNull();
    }

    @Test
    void transactWriteItems_shouldGiveAReasonPerAction_inRequestOrder() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("taken"), "v", n(1))));

        var error = refused(TransactionCanceledException.class, "TransactionCanceledException", () ->
                dynamo.transactWriteItems(r -> r.transactItems(
                        put(table, item("pk", s("free"))),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("taken"), "v", n(2)))
                                .conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                        delete(table, "other"))));

        List<CancellationReason> reasons = error.cancellationReasons();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0).code()).isEqualTo("None");
        assertThat(reasons.get(1).code()).isEqualTo("ConditionalCheckFailed");
        assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
        assertThat(reasons.get(1).item()).isEqualTo(item("pk", s("taken"), "v", n(1)));
        assertThat(reasons.get(2).code()).isEqualTo("None");
        assertThat(Refusals.message(error))
                .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + "[None, ConditionalCheckFailed, None]");
    }

    @Test
    void transactWriteItems_shouldRefuse_twoActionsOnTheSameItem() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put(table, item("pk", s("a"))),
                update(table, "a", "SET v = :one", Map.of(":one", n(1))))));

        assertThat(get(table, "a")).isNull();
    }

    @Test
    void transactWriteItems_shouldAccept100Actions() {
        String table = Tables.hashKeyTable(dynamo);

        dynamo.transactWriteItems(r -> r.transactItems(puts(table, 100)));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).count()).isEqualTo(100);
    }

    @Test
    void transactWriteItems_shouldRefuse_moreThan100Actions() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.transactWriteItems(r -> r.transactItems(puts(table, 101))));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).count()).isZero();
    }

    @Test
    void transactWriteItems_shouldRefuse_anEmptyList() {
        invalid(() -> dynamo.transactWriteItems(r -> r.transactItems(List.of())));
    }

    @Test
    void transactWriteItems_shouldApplyOnce_whenRetriedWithTheSameClientRequestToken() {
        String table = Tables.hashKeyTable(dynamo);
        String token = UUID.randomUUID().toString();
        List<TransactWriteItem> actions = List.of(update(table, "counter", "ADD #c :one", Map.of(":one", n(1))));

        dynamo.transactWriteItems(r -> r.clientRequestToken(token).transactItems(actions));
        dynamo.transactWriteItems(r -> r.clientRequestToken(token).transactItems(actions));

        assertThat(get(table, "counter")).isEqualTo(item("pk", s("counter"), "count", n(1)));
    }

    @Test
    void transactWriteItems_shouldRefuseWithIdempotentParameterMismatch_whenTheTokenIsReusedForAnotherRequest() {
        String table = Tables.hashKeyTable(dynamo);
        String token = UUID.randomUUID().toString();
        dynamo.transactWriteItems(r -> r.clientRequestToken(token)
                .transactItems(update(table, "counter", "ADD #c :one", Map.of(":one", n(1)))));

        refused(IdempotentParameterMismatchException.class, "IdempotentParameterMismatchException", () ->
                dynamo.transactWriteItems(r -> r.clientRequestToken(token)
                        .transactItems(update(table, "counter", "ADD #c :one", Map.of(":one", n(5))))));

        assertThat(get(table, "counter")).isEqualTo(item("pk", s("counter"), "count", n(1)));
    }

    @Test
    void transactWriteItems_shouldRefuse_anActionWithNoOperation() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put(table, item("pk", s("a"))), TransactWriteItem.builder().build())));

        assertThat(get(table, "a")).isNull();
    }

    @Test
    void transactWriteItems_shouldCancelWithAValidationError_whenAnUpdateWouldGrowAnItemOver400KB() {
        String table = Tables.hashKeyTable(dynamo);
        String half = Values.ascii(220 * 1024);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("big"), "one", s(half))));

        var error = refused(TransactionCanceledException.class, "TransactionCanceledException", () ->
                dynamo.transactWriteItems(r -> r.transactItems(
                        put(table, item("pk", s("small"))),
                        update(table, "big", "SET two = :half", Map.of(":half", s(half))))));

        assertThat(error.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError");
        assertThat(get(table, "small")).isNull();
        assertThat(get(table, "big")).containsOnlyKeys("pk", "one");
    }

    @Test
    void transactWriteItems_shouldCancelWithAValidationError_whenAnOperandHasTheWrongTypeForTheItem() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("text"), "v", s("not a number"))));

        var error = refused(TransactionCanceledException.class, "TransactionCanceledException", () ->
                dynamo.transactWriteItems(r -> r.transactItems(
                        update(table, "text", "SET v = v + :one", Map.of(":one", n(1))),
                        put(table, item("pk", s("other"))))));

        assertThat(error.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ValidationError", "None");
        assertThat(get(table, "other")).isNull();
    }

    @Test
    void transactWriteItems_shouldRefuse_itemsTotallingOver4MB() {
        String table = Tables.hashKeyTable(dynamo);
        String large = Values.ascii(380 * 1024);
        List<TransactWriteItem> puts = IntStream.range(0, 12)
                .mapToObj(i -> put(table, item("pk", s("k" + i), "data", s(large)))).toList();

        invalid(() -> dynamo.transactWriteItems(r -> r.transactItems(puts)));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true).select(
                Select.COUNT)).count()).isZero();
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    /** An Update of item {@code pk}; the expression may name the attribute "count" as {@code #c}. */
    private static TransactWriteItem update(String table, String pk, String expression, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(u -> {
            u.tableName(table).key(key(pk)).updateExpression(expression).expressionAttributeValues(values);
            if (expression.contains("#c")) {
                u.expressionAttributeNames(Map.of("#c", "count"));
            }
        }).build();
    }

    private static TransactWriteItem delete(String table, String pk) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk))).build();
    }

    private static TransactWriteItem check(String table, String pk, String condition, Map<String, AttributeValue> values,
            String namePlaceholder, String name) {
        return TransactWriteItem.builder().conditionCheck(c -> {
            c.tableName(table).key(key(pk)).conditionExpression(condition)
                    .expressionAttributeValues(values.isEmpty() ? null : values);
            if (namePlaceholder != null) {
                c.expressionAttributeNames(Map.of(namePlaceholder, name));
            }
        }).build();
    }

    private static List<TransactWriteItem> puts(String table, int count) {
        return IntStream.range(0, count).mapToObj(i -> put(table, item("pk", s("k" + i)))).toList();
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        var response = dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }
}
