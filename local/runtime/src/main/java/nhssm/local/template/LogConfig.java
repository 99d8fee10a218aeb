package nhssm.local.template;

import java.util.Optional;

/**
 * A function's {@code LoggingConfig}: {@code LogFormat} (Text or JSON) and, for JSON,
 * {@code ApplicationLogLevel} and {@code SystemLogLevel}. Lambda hands the format and the application level to the
 * runtime as {@code AWS_LAMBDA_LOG_FORMAT} and {@code AWS_LAMBDA_LOG_LEVEL}.
 */
public record LogConfig(String format, Optional<String> applicationLevel, Optional<String> systemLevel) {

    public static final LogConfig TEXT = new LogConfig("Text", Optional.empty(), Optional.empty());

    public boolean json() {
        return format.equalsIgnoreCase("JSON");
    }
}
