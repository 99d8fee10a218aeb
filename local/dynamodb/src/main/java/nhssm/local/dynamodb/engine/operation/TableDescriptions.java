package nhssm.local.dynamodb.engine.operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.table.IndexDefinition;
import nhssm.local.dynamodb.engine.table.KeyAttribute;
import nhssm.local.dynamodb.engine.table.KeySchema;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.table.TableDefinition;
import nhssm.local.dynamodb.engine.table.Throughput;

/** A table's TableDescription, as CreateTable, DescribeTable and DeleteTable return it. */
final class TableDescriptions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TableDescriptions() {
    }

    /** The description with {@code status} (CREATING, ACTIVE or DELETING) for the table and its indexes. */
    static ObjectNode describe(Table table, String arn, String status) {
        TableDefinition definition = table.definition();
        ObjectNode node = JSON.objectNode();
        ArrayNode attributes = node.putArray("AttributeDefinitions");
        for (KeyAttribute attribute : definition.attributeDefinitions()) {
            attributes.addObject().put("AttributeName", attribute.name()).put("AttributeType", attribute.type());
        }
        node.put("TableName", table.name());
        node.set("KeySchema", keySchema(definition.keySchema()));
        node.put("TableStatus", status);
        node.put("CreationDateTime", epochSeconds(table.created()));
        node.set("ProvisionedThroughput", throughput(definition.throughput()));
        node.put("TableSizeBytes", table.sizeBytes());
        node.put("ItemCount", table.itemCount());
        node.put("TableArn", arn);
        node.put("TableId", table.tableId());
        if (definition.billingModeGiven() || definition.billingMode().equals("PAY_PER_REQUEST")) {
            ObjectNode billing = node.putObject("BillingModeSummary").put("BillingMode", definition.billingMode());
            if (definition.billingMode().equals("PAY_PER_REQUEST")) {
                billing.put("LastUpdateToPayPerRequestDateTime", epochSeconds(table.created()));
            }
        }
        if (!definition.indexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : definition.indexes()) {
                ObjectNode described = indexes.addObject();
                described.put("IndexName", index.name());
                described.set("KeySchema", keySchema(index.keySchema()));
                ObjectNode projection = described.putObject("Projection").put("ProjectionType", index.projectionType());
                if (!index.nonKeyAttributes().isEmpty()) {
                    index.nonKeyAttributes().forEach(projection.putArray("NonKeyAttributes")::add);
                }
                described.put("IndexStatus", status.equals("DELETING") ? "DELETING" : status);
                described.set("ProvisionedThroughput", throughput(index.throughput()));
                described.put("IndexSizeBytes", table.indexSizeBytes(index.name()));
                described.put("ItemCount", table.indexItemCount(index.name()));
                described.put("IndexArn", arn + "/index/" + index.name());
            }
        }
        table.stream().ifPresent(stream -> {
            node.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", stream.viewType());
            node.put("LatestStreamLabel", stream.label());
            node.put("LatestStreamArn", stream.arn());
        });
        node.put("DeletionProtectionEnabled", false);
        return node;
    }

    static ArrayNode keySchema(KeySchema keySchema) {
        ArrayNode elements = JSON.arrayNode();
        elements.addObject().put("AttributeName", keySchema.partition().name()).put("KeyType", "HASH");
        keySchema.sort().ifPresent(s -> elements.addObject().put("AttributeName", s.name()).put("KeyType", "RANGE"));
        return elements;
    }

    private static ObjectNode throughput(Optional<Throughput> throughput) {
        return JSON.objectNode()
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", throughput.map(Throughput::readCapacityUnits).orElse(0L))
                .put("WriteCapacityUnits", throughput.map(Throughput::writeCapacityUnits).orElse(0L));
    }

    /** A time as the service sends it: seconds since the epoch, with milliseconds. */
    static BigDecimal epochSeconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3);
    }
}
