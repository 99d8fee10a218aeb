package nhssm.local.bootstrap;

import java.io.PrintStream;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

/** The {@link Context} of one invocation: ids and limits from the Runtime API and the environment. */
final class LocalContext implements Context {

    private final NextInvocation invocation;
    private final Map<String, String> env;
    LocalContext(NextInvocation invocation, Map<String, String> env, PrintStream out) {
        this.invocation = invocation;
        this.env = env;
    }

    @Override
    public String getAwsRequestId() {
        return invocation.requestId();
    }

    @Override
    public String getLogGroupName() {
        return env.getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + getFunctionName());
    }

    @Override
    public String getLogStreamName() {
        return env.getOrDefault("AWS_LAMBDA_LOG_STREAM_NAME", "local/[" + getFunctionVersion() + "]");
    }

    @Override
    public String getFunctionName() {
        return env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "");
    }

    @Override
    public String getFunctionVersion() {
        return env.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.functionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = invocation.deadlineMs() - System.currentTimeMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        try {
            return Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
        } catch (NumberFormatException e) {
            return 128;
        }
    }

    @Override
    public LambdaLogger getLogger() {
        // The runtime's one logger (RuntimeLogger, once the bootstrap has installed it), as on Lambda.
        return LambdaRuntime.getLogger();
    }

    @Override
    public String getXrayTraceId() {
        return invocation.traceId();
    }
}
