package nhssm.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * java.util.logging (and so System.Logger) and the SDK's SLF4J reach the Lambda runtime's logger, one event per
 * record with its level, the stack trace inside it; the SDK below WARN not at all.
 */
class FunctionLogTest {

    record Event(String message, LogLevel level) {
    }

    private static final List<Event> EVENTS = new ArrayList<>();
    private static LambdaLogger original;

    @BeforeAll
    static void capture() throws Exception {
        Field field = LambdaRuntime.class.getDeclaredField("logger");
        field.setAccessible(true);
        original = (LambdaLogger) field.get(null);
        field.set(null, new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message, LogLevel.UNDEFINED);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message), LogLevel.UNDEFINED);
            }

            @Override
            public synchronized void log(String message, LogLevel level) {
                EVENTS.add(new Event(message, level));
            }
        });
        FunctionLog.install();
    }

    @AfterAll
    static void restore() throws Exception {
        Field field = LambdaRuntime.class.getDeclaredField("logger");
        field.setAccessible(true);
        field.set(null, original);
    }

    @Test
    void aRecordWithAnException_shouldBeOneEvent_holdingItsStackTrace() {
        EVENTS.clear();

        System.getLogger("nhssm.report.api.ReportApi").log(System.Logger.Level.ERROR, "rendering national.pdf failed",
                new IllegalStateException("no font", new RuntimeException("inner")));

        assertThat(EVENTS).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(LogLevel.ERROR);
            assertThat(e.message()).startsWith("ReportApi: rendering national.pdf failed\njava.lang.IllegalStateException: no font")
                    .contains("\tat ", "Caused by: java.lang.RuntimeException: inner");
        });
    }

    @Test
    void levels_shouldMapToLambdas() {
        EVENTS.clear();

        Logger.getLogger("nhssm.x.A").warning("w");
        Logger.getLogger("nhssm.x.A").info("i");
        Logger.getLogger("nhssm.x.A").fine("f");

        assertThat(EVENTS).containsExactly(new Event("A: w", LogLevel.WARN), new Event("A: i", LogLevel.INFO));
    }

    @Test
    void theSdk_shouldBeHeardFromAtWarnOnly_throughSlf4j() {
        EVENTS.clear();

        LoggerFactory.getLogger("software.amazon.awssdk.request").info("Sending request {}", 1);
        LoggerFactory.getLogger("software.amazon.awssdk.retry").warn("retrying {} of {}", 2, 3);

        assertThat(EVENTS).containsExactly(new Event("retry: retrying 2 of 3", LogLevel.WARN));
    }

    @Test
    void theApplicationLogLevel_shouldComeFromLambdasVariable() {
        assertThat(FunctionLog.applicationLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN"))).isEqualTo(LogLevel.WARN);
        assertThat(FunctionLog.applicationLevel(Map.of())).isEqualTo(LogLevel.INFO);
        assertThat(FunctionLog.julLevel(LogLevel.DEBUG)).isEqualTo(Level.FINE);
    }
}
