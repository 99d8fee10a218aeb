package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.ascii;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Key limits: a partition key value of at most 2048 bytes, a sort key value of at most 1024 bytes. */
class KeySizeTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void putItem_shouldAccept_aPartitionKeyOf2048Bytes() {
        String table = Tables.hashKeyTable(dynamo);
        String pk = ascii(2048);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true)).hasItem()).isTrue();
    }

    @Test
    void putItem_shouldRefuse_aPartitionKeyOver2048Bytes() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s(ascii(2049))))));
    }

    @Test
    void putItem_shouldRefuse_aPartitionKeyOver2048Utf8Bytes() {
        String table = Tables.hashKeyTable(dynamo);
        // 1025 characters, 2050 bytes.
        String pk = "\u00e9".repeat(1025);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk)))));
    }

    @Test
    void putItem_shouldAccept_aSortKeyOf1024Bytes() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.S);
        String sk = ascii(1024);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s(sk))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(Values.key("a", s(sk))).consistentRead(true)).hasItem())
                .isTrue();
    }

    @Test
    void putItem_shouldRefuse_aSortKeyOver1024Bytes() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.S);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s(ascii(1025))))));
    }

    @Test
    void putItem_shouldAcceptABinarySortKeyOf1024Bytes_andRefuseLonger() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.B);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", bytes(1024))));

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", bytes(1025)))));
    }

    @Test
    void getItem_shouldRefuse_aPartitionKeyOver2048Bytes() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(key(ascii(2049)))));
    }

    private static AttributeValue bytes(int length) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(new byte[length]));
    }
}
