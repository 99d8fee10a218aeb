package nhssm.local.dynamodb.engine.stream;

import java.time.Instant;

/** One record of a shard as kept: its place in the stream, when it was written, and the change itself. */
record ChangeRecord(long sequence, Instant at, ItemChange change, boolean byTtl) {
}
