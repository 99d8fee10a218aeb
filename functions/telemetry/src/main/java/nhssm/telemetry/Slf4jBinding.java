package nhssm.telemetry;

import org.slf4j.Logger;

/** The loggers this module's SLF4J binding (org.slf4j.impl.StaticLoggerBinder) hands out. */
public final class Slf4jBinding {

    private Slf4jBinding() {
    }

    public static Logger logger(String name) {
        return new Slf4jToJul(name);
    }
}
