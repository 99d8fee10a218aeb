package nhssm.telemetry;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** java.util.logging's records as Lambda log events: the formatted message, with its stack trace, as one event. */
final class LambdaLogHandler extends Handler {

    private final SimpleFormatter messages = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        FunctionLog.log(FunctionLog.lambdaLevel(record.getLevel()), shortName(record.getLoggerName()) + ": "
                + messages.formatMessage(record), record.getThrown());
    }

    /** {@code nhssm.collect.CollectApi} → {@code CollectApi}: which part spoke, without the whole package. */
    static String shortName(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
