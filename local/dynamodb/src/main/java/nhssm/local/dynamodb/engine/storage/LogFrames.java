package nhssm.local.dynamodb.engine.storage;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The log file's layout: an 8-byte header naming the format, then frames of {@code [length: int]
 * [CRC-32C of the payload: int][payload]}. A frame that is cut short or fails its checksum ends the log:
 * it is what a crash leaves while a write is on its way to disk, never an acknowledged entry.
 */
final class LogFrames {

    static final byte[] HEADER = "NHSSMWL1".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME_HEADER_BYTES = 8;
    /** Above any entry the engine writes (a transaction is at most 100 items of 400 KB, twice over). */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

    private LogFrames() {
    }

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + payload.length);
        frame.putInt(payload.length).putInt(checksum(payload)).put(payload).flip();
        return frame;
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Reads a log's frames in order, up to a limit, stopping at the first that is torn or corrupt. */
    static final class Reader implements AutoCloseable {

        private final DataInputStream in;
        private final long limit;
        private long offset;

        /** Fails if the file does not start with the header. */
        Reader(Path file, long limit) throws IOException {
            InputStream raw = Files.newInputStream(file);
            this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            this.limit = limit;
            byte[] header = new byte[HEADER.length];
            try {
                in.readFully(header);
            } catch (EOFException e) {
                in.close();
                throw new IOException(file + " is too short to be a write-ahead log", e);
            }
            if (!Arrays.equals(header, HEADER)) {
                in.close();
                throw new IOException(file + " is not a write-ahead log of this engine (its header is not NHSSMWL1)");
            }
            this.offset = HEADER.length;
        }

        /** The offset after the last whole frame read. */
        long offset() {
            return offset;
        }

        /** The next frame's payload; null at the limit or at a torn or corrupt frame. */
        byte[] next() throws IOException {
            if (limit - offset < FRAME_HEADER_BYTES) {
                return null;
            }
            int length = in.readInt();
            int checksum = in.readInt();
            if (length < 0 || length > MAX_PAYLOAD_BYTES || limit - offset - FRAME_HEADER_BYTES < length) {
                return null;
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (checksum(payload) != checksum) {
                return null;
            }
            offset += FRAME_HEADER_BYTES + length;
            return payload;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
