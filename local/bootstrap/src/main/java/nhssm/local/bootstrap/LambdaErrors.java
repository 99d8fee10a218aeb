package nhssm.local.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A throwable as the Lambda Java runtime reports it to the Runtime API:
 * {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...], "cause": {...}}}, the stack
 * trace without the runtime's own frames.
 */
final class LambdaErrors {

    private static final String BOOTSTRAP_PACKAGE = LambdaErrors.class.getPackageName() + ".";
    private static final int MAX_CAUSES = 8;

    private LambdaErrors() {
    }

    static byte[] toJson(Throwable t) {
        StringBuilder json = new StringBuilder(512);
        append(json, t, 0);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The handler's frames: everything above the first frame of this runtime, less the reflection that called it. */
    static List<String> stackTrace(Throwable t) {
        List<StackTraceElement> frames = Arrays.asList(t.getStackTrace());
        int end = frames.size();
        for (int i = 0; i < frames.size(); i++) {
            if (isRuntime(frames.get(i).getClassName())) {
                end = i;
                break;
            }
        }
        if (end == 0) {
            end = frames.size(); // thrown by the runtime itself: keep it all
        }
        while (end > 0 && isReflection(frames.get(end - 1).getClassName())) {
            end--;
        }
        List<String> trace = new ArrayList<>(end);
        for (StackTraceElement frame : frames.subList(0, end)) {
            trace.add(frame.toString());
        }
        return trace;
    }

    /** A class of this runtime's own package (not of a package below it). */
    private static boolean isRuntime(String className) {
        return className.startsWith(BOOTSTRAP_PACKAGE) && className.indexOf('.', BOOTSTRAP_PACKAGE.length()) < 0;
    }

    private static boolean isReflection(String className) {
        return className.startsWith("java.lang.reflect.") || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("sun.reflect.");
    }

    private static void append(StringBuilder json, Throwable t, int depth) {
        json.append("{\"errorMessage\":");
        string(json, t.getMessage() == null ? "" : t.getMessage());
        json.append(",\"errorType\":");
        string(json, t.getClass().getName());
        json.append(",\"stackTrace\":[");
        List<String> trace = stackTrace(t);
        for (int i = 0; i < trace.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, trace.get(i));
        }
        json.append(']');
        Throwable cause = t.getCause();
        if (cause != null && cause != t && depth < MAX_CAUSES) {
            json.append(",\"cause\":");
            append(json, cause, depth + 1);
        }
        json.append('}');
    }

    static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
