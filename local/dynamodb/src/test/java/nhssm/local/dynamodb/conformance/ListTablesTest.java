package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

class ListTablesTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void listTables_shouldListEveryTableOnce_inNameOrder_acrossPages() {
        List<String> created = IntStream.range(0, 5).mapToObj(i -> Tables.hashKeyTable(dynamo)).toList();

        List<String> listed = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            String exclusiveStart = start;
            ListTablesResponse page = dynamo.listTables(r -> r.limit(2).exclusiveStartTableName(exclusiveStart));
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
            listed.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
            pages++;
        } while (start != null && pages < 100);

        assertThat(listed).containsAll(created).doesNotHaveDuplicates();
        assertThat(listed).isSorted();
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void listTables_shouldNameTheLastTableOfAFullPage() {
        Tables.hashKeyTable(dynamo);
        Tables.hashKeyTable(dynamo);

        ListTablesResponse page = dynamo.listTables(r -> r.limit(1));

        assertThat(page.tableNames()).hasSize(1);
        assertThat(page.lastEvaluatedTableName()).isEqualTo(page.tableNames().get(0));
    }

    @Test
    void listTables_shouldRefuse_aLimitOver100() {
        invalid(() -> dynamo.listTables(r -> r.limit(101)));
    }

    @Test
    void listTables_shouldRefuse_aLimitBelow1() {
        invalid(() -> dynamo.listTables(r -> r.limit(0)));
    }
}
