package nhssm.local.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's logger writes what the Lambda Java runtime writes for a function's LoggingConfig. */
class RuntimeLoggerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RuntimeLogger logger(Map<String, String> env) {
        return RuntimeLogger.fromEnvironment(env, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void json_shouldBeOneLinePerCall_withTimestampMessageLevelAndRequestId() {
        RuntimeLogger logger = logger(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "INFO"));

        logger.log("outside", LogLevel.INFO);
        logger.requestId("8f5b-1");
        logger.log("a \"quoted\" trace\n\tat A.b(A.java:1)", LogLevel.ERROR);
        logger.log("below the level", LogLevel.DEBUG);
        logger.log("no level");

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("\\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\","
                + "\"message\":\"outside\",\"level\":\"INFO\"}");
        assertThat(lines[1]).endsWith("\"message\":\"a \\\"quoted\\\" trace\\n\\tat A.b(A.java:1)\",\"level\":\"ERROR\","
                + "\"AWSRequestId\":\"8f5b-1\"}");
        assertThat(lines[2]).contains("\"message\":\"no level\",\"level\":\"UNDEFINED\"");
    }

    @Test
    void text_shouldBeTheMessage_afterItsLevel() {
        RuntimeLogger logger = logger(Map.of());

        logger.log("plain");
        logger.log("warned", LogLevel.WARN);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("plain\n[WARN] warned\n");
    }
}
