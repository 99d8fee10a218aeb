package nhssm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.dynamodb.TrustRecordJson;

/**
 * A round's reconciled trust records in a file, each as the JSON document the DynamoDB store keeps in
 * its item (one document per line, as {@link TrustRecordJson} writes it), read back with the store's
 * own decoding: what the report function's one query hands it, without the database in between.
 */
final class StoredRecordsFile {

    private StoredRecordsFile() {
    }

    /** Writes the records; returns the largest document's size in bytes. */
    static int write(Path file, List<TrustRecord> records) throws IOException {
        List<String> documents = records.stream().map(TrustRecordJson::encode).toList();
        Files.write(file, documents, StandardCharsets.UTF_8);
        return documents.stream().mapToInt(d -> d.getBytes(StandardCharsets.UTF_8).length).max().orElse(0);
    }

    static List<TrustRecord> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(TrustRecordJson::decode).toList();
    }
}
