package nhssm.local.dynamodb.engine.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A shard iterator: where in which shard the next GetRecords reads, and when the iterator was given (it
 * expires after the settings' lifetime). Opaque to clients; it carries a checksum so that a mangled one is
 * refused rather than read somewhere else. It holds no secret: it names records anyone may read.
 */
record ShardIterator(String streamArn, String shardId, long position, long issuedMillis) {

    private static final String VERSION = "1";

    String encode() {
        String body = String.join("\n", VERSION, streamArn, shardId, Long.toString(position), Long.toString(issuedMillis));
        String text = body + "\n" + checksum(body);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator {@code text} encodes, or empty if it is not one this engine gave. */
    static Optional<ShardIterator> decode(String text) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = decoded.split("\n", -1);
        if (parts.length != 6 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        String body = decoded.substring(0, decoded.lastIndexOf('\n'));
        if (!parts[5].equals(checksum(body))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShardIterator(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
