package nhssm.telemetry;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger (the SDK's) that hands each message to java.util.logging's logger of the same name, and so to the
 * Lambda runtime's logger once {@link FunctionLog#install()} has run, with the levels and filters set there.
 */
final class Slf4jToJul extends MarkerIgnoringBase {

    private static final long serialVersionUID = 1L;

    private final transient Logger jul;

    Slf4jToJul(String name) {
        this.name = name;
        this.jul = Logger.getLogger(name);
    }

    private boolean on(Level level) {
        return jul.isLoggable(level);
    }

    private void log(Level level, String message, Throwable thrown) {
        if (on(level)) {
            jul.log(level, message, thrown);
        }
    }

    private void format(Level level, String pattern, Object... arguments) {
        if (on(level)) {
            FormattingTuple tuple = MessageFormatter.arrayFormat(pattern, arguments);
            jul.log(level, tuple.getMessage(), tuple.getThrowable());
        }
    }

    @Override public boolean isTraceEnabled() { return on(Level.FINEST); }
    @Override public void trace(String msg) { log(Level.FINEST, msg, null); }
    @Override public void trace(String format, Object arg) { format(Level.FINEST, format, arg); }
    @Override public void trace(String format, Object arg1, Object arg2) { format(Level.FINEST, format, arg1, arg2); }
    @Override public void trace(String format, Object... arguments) { format(Level.FINEST, format, arguments); }
    @Override public void trace(String msg, Throwable t) { log(Level.FINEST, msg, t); }

    @Override public boolean isDebugEnabled() { return on(Level.FINE); }
    @Override public void debug(String msg) { log(Level.FINE, msg, null); }
    @Override public void debug(String format, Object arg) { format(Level.FINE, format, arg); }
    @Override public void debug(String format, Object arg1, Object arg2) { format(Level.FINE, format, arg1, arg2); }
    @Override public void debug(String format, Object... arguments) { format(Level.FINE, format, arguments); }
    @Override public void debug(String msg, Throwable t) { log(Level.FINE, msg, t); }

    @Override public boolean isInfoEnabled() { return on(Level.INFO); }
    @Override public void info(String msg) { log(Level.INFO, msg, null); }
    @Override public void info(String format, Object arg) { format(Level.INFO, format, arg); }
    @Override public void info(String format, Object arg1, Object arg2) { format(Level.INFO, format, arg1, arg2); }
    @Override public void info(String format, Object... arguments) { format(Level.INFO, format, arguments); }
    @Override public void info(String msg, Throwable t) { log(Level.INFO, msg, t); }

    @Override public boolean isWarnEnabled() { return on(Level.WARNING); }
    @Override public void warn(String msg) { log(Level.WARNING, msg, null); }
    @Override public void warn(String format, Object arg) { format(Level.WARNING, format, arg); }
    @Override public void warn(String format, Object arg1, Object arg2) { format(Level.WARNING, format, arg1, arg2); }
    @Override public void warn(String format, Object... arguments) { format(Level.WARNING, format, arguments); }
    @Override public void warn(String msg, Throwable t) { log(Level.WARNING, msg, t); }

    @Override public boolean isErrorEnabled() { return on(Level.SEVERE); }
    @Override public void error(String msg) { log(Level.SEVERE, msg, null); }
    @Override public void error(String format, Object arg) { format(Level.SEVERE, format, arg); }
    @Override public void error(String format, Object arg1, Object arg2) { format(Level.SEVERE, format, arg1, arg2); }
    @Override public void error(String format, Object... arguments) { format(Level.SEVERE, format, arguments); }
    @Override public void error(String msg, Throwable t) { log(Level.SEVERE, msg, t); }
}
