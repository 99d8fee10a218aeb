package nhssm.telemetry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * A function's logs, every one through the Lambda runtime's logger ({@link LambdaRuntime#getLogger()}), which writes
 * Lambda's structured JSON (timestamp, level, message, the request id) when the function's LogFormat is JSON and
 * drops what is below its ApplicationLogLevel. One record is one event: a stack trace goes into its message, never
 * line by line to stderr. {@link #install()} sends java.util.logging (and so {@link System.Logger}) here; the SDK's
 * SLF4J comes here through this module's binding.
 *
 * <p>What is logged must never hold a token, an answer or anything about a person: log routes, counts, ODS codes and
 * the class of an exception, not request bodies, headers, query strings or the values in a failed record.
 */
public final class FunctionLog {

    /** Below this the SDK is not heard from: its warnings reach the log, its chatter does not. */
    static final Level SDK_LEVEL = Level.WARNING;

    private static volatile boolean installed;

    private FunctionLog() {
    }

    /** Makes java.util.logging's root logger write here only, at the function's ApplicationLogLevel. Idempotent. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.addHandler(new LambdaLogHandler());
        root.setLevel(julLevel(applicationLevel(System.getenv())));
        Logger.getLogger("software.amazon.awssdk").setLevel(SDK_LEVEL);
        installed = true;
    }

    /** Logs one event. */
    public static void log(LogLevel level, String message, Throwable thrown) {
        LambdaRuntime.getLogger().log(thrown == null ? message : message + "\n" + stackTrace(thrown), level);
    }

    static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString().stripTrailing();
    }

    /** The level Lambda gives the runtime ({@code AWS_LAMBDA_LOG_LEVEL}); INFO when there is none (text format). */
    static LogLevel applicationLevel(Map<String, String> env) {
        return Optional.ofNullable(env.get("AWS_LAMBDA_LOG_LEVEL"))
                .map(l -> {
                    try {
                        return LogLevel.valueOf(l.strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        return LogLevel.INFO;
                    }
                })
                .filter(l -> l != LogLevel.UNDEFINED)
                .orElse(LogLevel.INFO);
    }

    static Level julLevel(LogLevel level) {
        return switch (level) {
            case TRACE -> Level.FINEST;
            case DEBUG -> Level.FINE;
            case INFO, UNDEFINED -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR, FATAL -> Level.SEVERE;
        };
    }

    static LogLevel lambdaLevel(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        return value >= Level.FINE.intValue() ? LogLevel.DEBUG : LogLevel.TRACE;
    }
}
