package nhssm.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command line: positional words and {@code --name value} options ({@code --flag} alone for booleans). */
record Arguments(List<String> positional, Map<String, String> options) {

    static Arguments parse(String[] args, Set<String> flags) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
            } else if (flags.contains(arg)) {
                options.put(arg, "true");
            } else if (i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                throw new UsageException(arg + " needs a value");
            }
        }
        return new Arguments(positional, options);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int port(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " takes a port number from 0 to 65535, not '" + value + "'");
        }
    }

    /** A whole number, at least {@code min}. */
    long number(String name, long fallback, long min) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " takes a whole number" + (min > Long.MIN_VALUE ? " from " + min : "")
                    + ", not '" + value + "'");
        }
    }

    /** A misuse of the command line: the message says what was wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
