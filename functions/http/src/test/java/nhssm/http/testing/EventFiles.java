package nhssm.http.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The event files of a directory under events/ (the ones for {@code sam local invoke -e}). Test support. */
public final class EventFiles {

    private EventFiles() {
    }

    /** The names of the JSON files in {@code dir}, sorted. */
    public static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    /** One file loaded as the Lambda runtime deserializes an HTTP API event. */
    public static APIGatewayV2HTTPEvent load(Path dir, String name) {
        return EventLoader.loadApiGatewayHttpEvent(dir.resolve(name).toString());
    }
}
