package nhssm.local.dynamodb.engine.table;

import java.util.Optional;

/** One item's write about to commit: the item before (as read under its lock) and after (empty: deleted). */
public record PendingWrite(Table table, StoredKey key, Optional<StoredItem> before, Optional<StoredItem> after) {

    /** Whether it changes the item: a put of an identical item changes nothing and is not committed. */
    public boolean changes() {
        return !before.map(StoredItem::attributes).equals(after.map(StoredItem::attributes));
    }
}
