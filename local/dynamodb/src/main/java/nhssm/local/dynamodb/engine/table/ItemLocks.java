package nhssm.local.dynamodb.engine.table;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-item write locks, striped: an item's lock is one of a fixed set chosen by a hash of its table and
 * key. A write of several items takes their stripes in ascending order, so two writes never wait on each
 * other in a cycle; no lock is shared by every request.
 */
public final class ItemLocks {

    private static final int STRIPES = 4096;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The stripe of one item. */
    public static int stripe(String tableName, StoredKey key) {
        int h = tableName.hashCode() * 31 + Long.hashCode(key.hash());
        h = h * 31 + (key.sort() == null ? 0 : key.sort().hashCode());
        h = h * 31 + key.partition().hashCode();
        return Math.floorMod(h ^ (h >>> 16), STRIPES);
    }

    /** Takes the stripes (in ascending order) and returns what releases them. */
    public Held lock(Collection<Integer> stripeIndexes) {
        List<Integer> ordered = List.copyOf(new TreeSet<>(stripeIndexes));
        for (int index : ordered) {
            stripes[index].lock();
        }
        return () -> {
            for (int i = ordered.size() - 1; i >= 0; i--) {
                stripes[ordered.get(i)].unlock();
            }
        };
    }

    /** Held locks; closing releases them. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
