package nhssm.http.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The event files of a directory under events/ (the ones for {@code sam local invoke -e}), and the status
 * each is documented to answer with, from the directory's {@value #EXPECTED}. Test support.
 */
public final class EventFiles {

    /** The file that names each event's expected status code: {@code {"definition-get.json": 200, …}}. */
    public static final String EXPECTED = "expected-status.json";

    private EventFiles() {
    }

    /** The names of the event files in {@code dir}, sorted. */
    public static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals(EXPECTED))
                    .sorted().toList();
        }
    }

    /** Each event file's expected status code. */
    public static Map<String, Integer> expectedStatuses(Path dir) throws IOException {
        return new ObjectMapper().readValue(dir.resolve(EXPECTED).toFile(), new TypeReference<Map<String, Integer>>() { });
    }

    /** One file loaded as the Lambda runtime deserializes an HTTP API event. */
    public static APIGatewayV2HTTPEvent load(Path dir, String name) {
        return EventLoader.loadApiGatewayHttpEvent(dir.resolve(name).toString());
    }
}
