package nhssm.local.dynamodb.engine.table;

/** One item of one table, as a write names it before taking its lock. */
public record ItemRef(Table table, StoredKey key) {
}
