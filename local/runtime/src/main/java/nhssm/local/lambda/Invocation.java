package nhssm.local.lambda;

import java.time.Duration;
import java.util.List;

/** How one invocation ended. */
public sealed interface Invocation {

    /** The handler returned; {@code payloadJson} is its result as the Lambda runtime serialized it. */
    record Returned(String payloadJson) implements Invocation {
    }

    /** The handler threw (Lambda's "Unhandled" function error), or the function failed to start. */
    record Failed(String errorType, String errorMessage, List<String> stackTrace) implements Invocation {
        public Failed {
            stackTrace = List.copyOf(stackTrace);
        }
    }

    /** The function ran past its Timeout and was stopped. */
    record TimedOut(Duration after) implements Invocation {
    }
}
