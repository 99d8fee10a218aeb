package nhssm.local.bootstrap.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/** Handlers named as Class::method, as the runtime finds them by name. */
public class Pojos {

    public static String greet(Map<String, String> input) {
        return "hello " + input.get("name");
    }

    public Map<String, Object> context(Context context) {
        return Map.of("function", context.getFunctionName(), "memory", context.getMemoryLimitInMB(),
                "remainingPositive", context.getRemainingTimeInMillis() > 0);
    }

    public void nothing(Map<String, String> input, Context context) {
    }

    public String fail(Map<String, String> input, Context context) {
        throw new IllegalStateException("refused: " + input.get("why"));
    }
}
