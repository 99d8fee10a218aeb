package nhssm.local.dynamodb.engine.table;

import java.util.List;
import java.util.Optional;

/**
 * A table as CreateTable declared it: name, key, attribute definitions, global secondary indexes,
 * billing mode (and whether the request named it, as DescribeTable's BillingModeSummary shows), provisioned
 * throughput and the stream's view type if its stream is on.
 */
public record TableDefinition(String name, KeySchema keySchema, List<KeyAttribute> attributeDefinitions,
        List<IndexDefinition> indexes, String billingMode, boolean billingModeGiven, Optional<Throughput> throughput,
        Optional<String> streamViewType) {

    public TableDefinition {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
    }

    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
