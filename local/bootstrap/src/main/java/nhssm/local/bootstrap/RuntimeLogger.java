package nhssm.local.bootstrap;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * The runtime's logger ({@code LambdaRuntime.getLogger()} and every Context's), as the Lambda Java runtime writes it:
 * with {@code AWS_LAMBDA_LOG_FORMAT=JSON} one line per call, {@code {"timestamp","message","level","AWSRequestId"}}
 * (the request id while an invocation runs), a message's line breaks escaped so that it stays one event; dropped when
 * its level is below {@code AWS_LAMBDA_LOG_LEVEL} (a call without a level always passes). In the text format, the
 * message as it is, after {@code [LEVEL] } when it has one.
 */
final class RuntimeLogger implements LambdaLogger {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final boolean json;
    private final LogLevel minimum;
    private volatile String requestId;

    RuntimeLogger(PrintStream out, boolean json, LogLevel minimum) {
        this.out = out;
        this.json = json;
        this.minimum = minimum;
    }

    static RuntimeLogger fromEnvironment(Map<String, String> env, PrintStream out) {
        boolean json = "JSON".equalsIgnoreCase(env.getOrDefault("AWS_LAMBDA_LOG_FORMAT", "TEXT"));
        LogLevel minimum;
        try {
            minimum = LogLevel.valueOf(env.getOrDefault("AWS_LAMBDA_LOG_LEVEL", "UNDEFINED").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            minimum = LogLevel.UNDEFINED;
        }
        return new RuntimeLogger(out, json, minimum);
    }

    /** The invocation now running, or null between invocations. */
    void requestId(String id) {
        this.requestId = id;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    @Override
    public void log(String message, LogLevel level) {
        LogLevel given = level == null ? LogLevel.UNDEFINED : level;
        if (given != LogLevel.UNDEFINED && given.ordinal() < minimum.ordinal()) {
            return;
        }
        String text = String.valueOf(message);
        String line;
        if (json) {
            StringBuilder b = new StringBuilder("{\"timestamp\":\"").append(TIMESTAMP.format(Instant.now()))
                    .append("\",\"message\":");
            quote(b, text);
            b.append(",\"level\":\"").append(given.name()).append('"');
            String id = requestId;
            if (id != null) {
                b.append(",\"AWSRequestId\":");
                quote(b, id);
            }
            line = b.append("}\n").toString();
        } else {
            String prefixed = given == LogLevel.UNDEFINED ? text : "[" + given.name() + "] " + text;
            line = prefixed.endsWith("\n") ? prefixed : prefixed + "\n";
        }
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static void quote(StringBuilder b, String text) {
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
