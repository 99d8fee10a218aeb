package nhssm.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    @Test
    void newTable_shouldGiveEachCallerItsOwnTable() {
        String first = DYNAMO.dynamo().newTable();
        String second = DYNAMO.dynamo().newTable();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"));

        DYNAMO.dynamo().client().putItem(r -> r.tableName(first).item(key));

        assertThat(first).isNotEqualTo(second).startsWith("SurveyTable-");
        assertThat(DYNAMO.dynamo().client().getItem(r -> r.tableName(first).key(key)).hasItem()).isTrue();
        assertThat(DYNAMO.dynamo().client().getItem(r -> r.tableName(second).key(key)).hasItem()).isFalse();
        assertThat(DYNAMO.dynamo().client().scan(r -> r.tableName(second)).count()).isZero();
    }

    @Test
    void newTable_shouldBeQueryableThroughGsi1() {
        String table = DYNAMO.dynamo().newTable();
        DYNAMO.dynamo().client().putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("ROUND#2025#TRUST#RXX"),
                "sk", AttributeValue.fromS("AGG"),
                "gsi1pk", AttributeValue.fromS("ROUND#2025#AGG"),
                "gsi1sk", AttributeValue.fromS("RXX"))));

        var items = DYNAMO.dynamo().client().query(r -> r.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :round")
                .expressionAttributeValues(Map.of(":round", AttributeValue.fromS("ROUND#2025#AGG")))).items();

        assertThat(items).singleElement().satisfies(item -> assertThat(item.get("sk").s()).isEqualTo("AGG"));
    }

    @Test
    void endpoint_shouldBeTheLoopbackServer() {
        assertThat(DYNAMO.dynamo().endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(DYNAMO.dynamo().server().host()).isEqualTo("127.0.0.1");
    }
}
