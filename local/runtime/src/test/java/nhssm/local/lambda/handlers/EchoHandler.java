package nhssm.local.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test handler run in a child JVM: answers with its process id and what it was given. The event
 * steers it: {@code sleepMs} sleeps first, {@code exit} ends the JVM with that status, {@code log}
 * is printed to stdout and stderr.
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event.get("log") instanceof String line) {
            System.out.println("out: " + line);
            System.err.println("err: " + line);
            context.getLogger().log("logger: " + line);
        }
        if (event.get("exit") instanceof Number status) {
            System.exit(status.intValue());
        }
        if (event.get("sleepMs") instanceof Number millis) {
            try {
                Thread.sleep(millis.longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pid", ProcessHandle.current().pid());
        result.put("requestId", context.getAwsRequestId());
        result.put("functionName", context.getFunctionName());
        result.put("memoryLimitInMB", context.getMemoryLimitInMB());
        result.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        result.put("invokedFunctionArn", context.getInvokedFunctionArn());
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        result.put("event", event);
        return result;
    }
}
