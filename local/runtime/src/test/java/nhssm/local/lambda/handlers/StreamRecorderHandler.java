package nhssm.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Test stream handler run in a child JVM: appends "eventName sk" for each record to the file
 * {@code RECORD_FILE}, reading the sort key through the typed event (which only works when the
 * runtime's own deserializer filled it), and reports the record whose sort key is {@code FAIL_ONCE_SK}
 * as a batch item failure the first time it sees it.
 */
public class StreamRecorderHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Path file = Path.of(System.getenv("RECORD_FILE"));
        Path failedOnce = Path.of(System.getenv("RECORD_FILE") + ".failed-once");
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String sk = record.getDynamodb().getKeys().get("sk").getS();
            lines.append(record.getEventName()).append(' ').append(sk).append('\n');
            if (sk.equals(System.getenv("FAIL_ONCE_SK")) && !Files.exists(failedOnce)) {
                write(failedOnce, "");
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        write(file, lines.toString());
        return new StreamsEventResponse(failures);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
