package nhssm.local.dynamodb.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.stream.ItemChange;

/**
 * The durable form of a database: one append-only file, {@value #FILE_NAME}, of everything it committed
 * (table operations with their requests, and each write's items), replayed on start.
 *
 * <p>The fsync policy: an append returns only once its entry is written and forced to the device
 * ({@link FileChannel#force} without metadata, fdatasync on Linux, which still makes the file's new length
 * durable), and the engine acknowledges a write only after that, so an acknowledged write survives
 * {@code kill -9} and power loss. Appenders that arrive while a force is under way share the next one
 * (group commit): one of them writes every waiting entry and forces once, the others wait for it, so the
 * cost of a force is spread over concurrent writes. The log's order is the order appends arrived in. Creating
 * the file forces its directory too, so that its name is durable. If a write or force fails, the log
 * refuses every later append: what is on disk is then unknown, and a write must not be acknowledged.
 *
 * <p>Recovery: a frame cut short or failing its checksum (a crash during a write that was therefore never
 * acknowledged) ends the log. On open it is cut off, its bytes kept beside the log in
 * {@code engine.wal.torn-<offset>} in case they are anything else, and never replayed, not even in part.
 * Compaction: a log over 64 MB is rewritten on open, its entries older than a day folded into the state
 * they left ({@link LogCompaction}); otherwise a start replays it whole.
 */
public final class WriteAheadLog implements AutoCloseable {

    static final String FILE_NAME = "engine.wal";
    static final String LOCK_NAME = "engine.lock";
    /** A log is compacted on open once it is over this size (and mostly older than a day). */
    public static final long DEFAULT_COMPACT_ABOVE_BYTES = 64L * 1024 * 1024;
    /** How long the streams keep records: entries older than this replay into trimmed records only. */
    private static final Duration STREAM_RETENTION = Duration.ofHours(24);

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final FileChannel channel;
    private final long droppedBytes;
    private final boolean compacted;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition forced = lock.newCondition();
    /** Frames waiting for the next force, in arrival order. */
    private List<ByteBuffer> pending = new ArrayList<>();
    private long appended;
    private long durable;
    private long end;
    private boolean forcing;
    private IOException failure;
    private boolean closed;

    private WriteAheadLog(Path file, FileChannel lockChannel, FileLock fileLock, FileChannel channel, long end,
                          long droppedBytes, boolean compacted) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.channel = channel;
        this.end = end;
        this.droppedBytes = droppedBytes;
        this.compacted = compacted;
    }

    /** Opens (creating if need be) the log in {@code dir}, dropping a torn tail; one process at a time. */
    public static WriteAheadLog open(Path dir) {
        return open(dir, Clock.systemUTC(), DEFAULT_COMPACT_ABOVE_BYTES);
    }

    /**
     * As {@link #open(Path)}, and compacts the log first if it is over {@code compactAboveBytes} and mostly
     * older than a day by {@code clock} (see {@link LogCompaction}).
     */
    public static WriteAheadLog open(Path dir, Clock clock, long compactAboveBytes) {
        try {
            Files.createDirectories(dir);
            // A lock file of its own, not the log's: compaction replaces the log file under it.
            FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock fileLock;
            try {
                fileLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                fileLock = null;
            }
            if (fileLock == null) {
                lockChannel.close();
                throw new IllegalStateException("the write-ahead log in " + dir + " is in use by another engine");
            }
            try {
                Files.deleteIfExists(dir.resolve(LogCompaction.TEMP_NAME)); // a compaction cut short
                Path file = dir.resolve(FILE_NAME);
                long[] recovered = recover(dir, file);
                boolean compacted = recovered[0] > compactAboveBytes
                        && LogCompaction.compact(file, recovered[0], clock.instant().minus(STREAM_RETENTION));
                if (compacted) {
                    forceDirectory(dir);
                }
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                long end = channel.size();
                channel.position(end);
                return new WriteAheadLog(file, lockChannel, fileLock, channel, end, recovered[1], compacted);
            } catch (IOException | RuntimeException e) {
                fileLock.release();
                lockChannel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the write-ahead log in " + dir, e);
        }
    }

    /** Creates the log, or cuts off its torn tail; returns its valid length and the bytes dropped. */
    private static long[] recover(Path dir, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < LogFrames.HEADER.length) {
                // New, or cut short while being created: nothing in it was ever acknowledged.
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(LogFrames.HEADER), 0);
                channel.force(true);
                forceDirectory(dir);
                return new long[] {LogFrames.HEADER.length, 0};
            }
            long end = validEnd(file, size);
            if (end < size) {
                keepTornTail(channel, dir.resolve(FILE_NAME + ".torn-" + end), end, size);
                channel.truncate(end);
                channel.force(true);
            }
            return new long[] {end, size - end};
        }
    }

    /** A table-level operation (CreateTable, DeleteTable, UpdateTimeToLive) with its request, on disk when this returns. */
    public void appendTableOperation(String operation, JsonNode request, Instant at) {
        append(LogEntryJson.tableOperation(operation, request, at));
    }

    /** One committed write (an item, or a transaction's items), on disk when this returns. */
    public void appendItems(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
        append(LogEntryJson.items(at, Map.of(tableName, changes), byTtl));
    }

    /**
     * One committed write across tables (a transaction's items, by table, in the order to replay them), as a
     * single entry: after a crash it is replayed whole or not at all, which one append per table cannot
     * promise. Replayed as one {@link Replay#items} call per table. On disk when this returns.
     */
    public void appendItems(Instant at, SequencedMap<String, List<ItemChange>> changesByTable, boolean byTtl) {
        append(LogEntryJson.items(at, changesByTable, byTtl));
    }

    /** Everything logged, in order, to {@code target}. */
    public void replay(Replay target) {
        long upTo;
        lock.lock();
        try {
            upTo = end;
        } finally {
            lock.unlock();
        }
        try (LogFrames.Reader reader = new LogFrames.Reader(file, upTo)) {
            for (byte[] payload = reader.next(); payload != null; payload = reader.next()) {
                LogEntryJson.replay(payload, target);
            }
            if (reader.offset() != upTo) {
                throw new IllegalStateException("the write-ahead log " + file + " changed under the engine at offset "
                        + reader.offset());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the write-ahead log " + file, e);
        }
    }

    /** How many bytes of a torn tail the open dropped (0 after a clean stop). */
    public long droppedBytes() {
        return droppedBytes;
    }

    /** Whether the open compacted the log. */
    public boolean compacted() {
        return compacted;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            while (forcing) {
                forced.awaitUninterruptibly();
            }
            channel.close();
            fileLock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the write-ahead log " + file, e);
        } finally {
            lock.unlock();
        }
    }

    private void append(byte[] payload) {
        ByteBuffer frame = LogFrames.frame(payload);
        lock.lock();
        try {
            refuseIfBroken();
            pending.add(frame);
            long mine = ++appended;
            while (durable < mine) {
                refuseIfBroken();
                if (forcing) {
                    forced.awaitUninterruptibly();
                } else {
                    forceWaiting();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes and forces every waiting frame, with the lock released meanwhile so that others can queue. */
    private void forceWaiting() {
        List<ByteBuffer> batch = pending;
        pending = new ArrayList<>();
        long upTo = appended;
        forcing = true;
        long written = 0;
        IOException error = null;
        lock.unlock();
        try {
            ByteBuffer[] buffers = batch.toArray(ByteBuffer[]::new);
            for (ByteBuffer buffer : buffers) {
                written += buffer.remaining();
            }
            long left = written;
            while (left > 0) {
                left -= channel.write(buffers);
            }
            channel.force(false);
        } catch (IOException e) {
            error = e;
        } finally {
            lock.lock();
            forcing = false;
            if (error == null) {
                durable = upTo;
                end += written;
            } else {
                failure = error;
            }
            forced.signalAll();
        }
    }

    private void refuseIfBroken() {
        if (failure != null) {
            throw new UncheckedIOException("the write-ahead log " + file + " failed to write; nothing more is accepted",
                    failure);
        }
        if (closed) {
            throw new IllegalStateException("the write-ahead log " + file + " is closed");
        }
    }

    private static long validEnd(Path file, long size) throws IOException {
        try (LogFrames.Reader reader = new LogFrames.Reader(file, size)) {
            while (reader.next() != null) {
                // Only the offset after the last whole frame matters here.
            }
            return reader.offset();
        }
    }

    private static void keepTornTail(FileChannel channel, Path aside, long from, long to) throws IOException {
        ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(Math.min(to - from, Integer.MAX_VALUE - 8)));
        while (tail.hasRemaining() && channel.read(tail, from + tail.position()) >= 0) {
            // Reads until the buffer is full or the file ends.
        }
        tail.flip();
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (tail.hasRemaining()) {
                out.write(tail);
            }
            out.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory to force it; the file's own force still holds its data.
        }
    }

    /** What a replay hands back, in the order it was logged. */
    public interface Replay {
        void tableOperation(String operation, JsonNode request, Instant at);

        void items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl);
    }
}
