package nhssm.local.dynamodb.engine.table;

/** ProvisionedThroughput as declared: read and write capacity units (recorded and described, never enforced). */
public record Throughput(long readCapacityUnits, long writeCapacityUnits) {
}
