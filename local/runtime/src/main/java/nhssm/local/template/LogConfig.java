package nhssm.local.template;

import java.util.Optional;
import java.util.Set;

/**
 * A function's {@code LoggingConfig}: {@code LogFormat} (Text or JSON) and, for JSON,
 * {@code ApplicationLogLevel} and {@code SystemLogLevel}. Lambda hands the format and the application level to the
 * runtime as {@code AWS_LAMBDA_LOG_FORMAT} and {@code AWS_LAMBDA_LOG_LEVEL}.
 */
public record LogConfig(String format, Optional<String> applicationLevel, Optional<String> systemLevel) {

    public static final LogConfig TEXT = new LogConfig("Text", Optional.empty(), Optional.empty());

    private static final Set<String> APPLICATION_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final Set<String> SYSTEM_LEVELS = Set.of("DEBUG", "INFO", "WARN");

    /** The values as Lambda accepts them, or a {@link TemplateException} naming {@code where} and what it takes. */
    static LogConfig of(String format, Optional<String> application, Optional<String> system, String where) {
        if (!format.equals("Text") && !format.equals("JSON")) {
            throw new TemplateException(where + ".LogFormat is " + format + "; Lambda takes Text or JSON");
        }
        if (format.equals("Text") && (application.isPresent() || system.isPresent())) {
            throw new TemplateException(where + " sets log levels, which Lambda applies only with LogFormat JSON");
        }
        application.filter(l -> !APPLICATION_LEVELS.contains(l)).ifPresent(l -> {
            throw new TemplateException(where + ".ApplicationLogLevel is " + l + "; Lambda takes one of "
                    + APPLICATION_LEVELS);
        });
        system.filter(l -> !SYSTEM_LEVELS.contains(l)).ifPresent(l -> {
            throw new TemplateException(where + ".SystemLogLevel is " + l + "; Lambda takes one of " + SYSTEM_LEVELS);
        });
        return new LogConfig(format, application, system);
    }

    public boolean json() {
        return format.equalsIgnoreCase("JSON");
    }
}
