package nhssm.local.lambda;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;

/**
 * {@code invoke FUNCTION --event FILE}, as {@code sam local invoke -e FILE}: one invocation in a
 * fresh container; the function's result JSON on {@code out}; the function's own log lines, and
 * on failure the error as JSON ({@code {"errorType","errorMessage","stackTrace"}}), on {@code err}.
 */
public final class InvokeCommand {

    /** The function returned. */
    public static final int OK = 0;
    /** The function threw, timed out, or could not start. */
    public static final int FUNCTION_ERROR = 1;
    /** No such function, or the event file cannot be read or is not JSON. */
    public static final int USAGE_ERROR = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvokeCommand() {
    }

    /**
     * Invokes {@code logicalId} once with the event in {@code eventFile}.
     *
     * @param artifactDir          the function's artifact directory (see {@link FunctionArtifacts})
     * @param environmentOverrides set after the function's own Environment
     * @return {@link #OK}, {@link #FUNCTION_ERROR} or {@link #USAGE_ERROR}; never exits the JVM
     */
    public static int run(SamTemplate template, String logicalId, Path eventFile, Path artifactDir,
                          Map<String, String> environmentOverrides, PrintStream out, PrintStream err) {
        Optional<FunctionDefinition> function = template.function(logicalId);
        if (function.isEmpty()) {
            err.println("error: the template has no function " + logicalId + " (its functions: "
                    + template.functions().stream().map(FunctionDefinition::logicalId).toList() + ")");
            return USAGE_ERROR;
        }
        String event;
        try {
            event = Files.readString(eventFile, StandardCharsets.UTF_8);
            JSON.readTree(event);
        } catch (MalformedInputException e) {
            err.println("error: the event file " + eventFile + " is not UTF-8");
            return USAGE_ERROR;
        } catch (JsonProcessingException e) {
            err.println("error: the event file " + eventFile + " is not JSON: " + e.getOriginalMessage());
            return USAGE_ERROR;
        } catch (IOException e) {
            err.println("error: cannot read the event file " + eventFile + ": " + e.getMessage());
            return USAGE_ERROR;
        }

        Invocation result;
        try (FunctionContainer container = FunctionContainer.start(function.get(), artifactDir, environmentOverrides,
                err, err)) {
            result = container.invoke(event);
        } catch (IOException | RuntimeException e) {
            result = new Invocation.Failed("Runtime.StartError", "cannot start " + logicalId + ": " + e.getMessage(),
                    List.of());
        }

        switch (result) {
            case Invocation.Returned returned -> {
                out.println(returned.payloadJson());
                out.flush();
                return OK;
            }
            case Invocation.Failed failed -> {
                err.println(errorJson(failed.errorType(), failed.errorMessage(), failed.stackTrace()));
                return FUNCTION_ERROR;
            }
            case Invocation.TimedOut timedOut -> {
                err.println(errorJson("Sandbox.Timedout", "Task timed out after "
                        + FunctionContainer.seconds(timedOut.after()) + " seconds", List.of()));
                return FUNCTION_ERROR;
            }
        }
    }

    private static String errorJson(String type, String message, List<String> stackTrace) {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorType", type);
        error.put("errorMessage", message);
        stackTrace.forEach(error.putArray("stackTrace")::add);
        return error.toString();
    }
}
