package nhssm.local.bootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Plays the Lambda Java runtime inside a function's own JVM, started by the local runtime with the
 * function's artifact (classes + lib/*), this bootstrap and aws-lambda-java-serialization on the
 * class path, and the function's environment.
 *
 * <p>Reads {@code AWS_LAMBDA_RUNTIME_API} ({@code host:port}) and {@code _HANDLER}, loads the
 * handler with the system class loader and its no-argument constructor ({@link HandlerLoader}),
 * then loops on the Runtime API: GET invocation/next, run the handler, POST its response or its
 * error ({@code {"errorType","errorMessage","stackTrace"}}, {@code Lambda-Runtime-Function-Error-Type:
 * Unhandled}). A handler that cannot be loaded is reported to init/error and the process exits with
 * status 1. When the Runtime API goes away (the local runtime stopped) the process exits.
 */
public final class LambdaBootstrap {

    /** Exit status when the handler could not be initialised. */
    public static final int INIT_FAILED = 1;
    /** Exit status when the Runtime API is unreachable or the environment is incomplete. */
    public static final int RUNTIME_API_GONE = 2;

    private LambdaBootstrap() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String api = env.get("AWS_LAMBDA_RUNTIME_API");
        if (api == null || api.isBlank()) {
            System.err.println("nhssm bootstrap: AWS_LAMBDA_RUNTIME_API is not set; this runs inside a local function JVM");
            System.exit(RUNTIME_API_GONE);
        }
        RuntimeLogger logger = RuntimeLogger.fromEnvironment(env, System.out);
        install(logger);
        System.exit(run(new RuntimeApiClient(api.strip()), env.get("_HANDLER"), env, System.out, System.err, logger));
    }

    /** Makes {@code logger} the one LambdaRuntime.getLogger() returns, as the Lambda Java runtime does with its own. */
    static void install(RuntimeLogger logger) {
        try {
            java.lang.reflect.Field field = com.amazonaws.services.lambda.runtime.LambdaRuntime.class
                    .getDeclaredField("logger");
            field.setAccessible(true);
            field.set(null, logger);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // A function without aws-lambda-java-core has no LambdaRuntime to log through.
            System.err.println("nhssm bootstrap: cannot install the runtime's logger: " + e);
        }
    }

    static int run(RuntimeApiClient client, String handlerName, Map<String, String> env, PrintStream out,
                   PrintStream err) {
        return run(client, handlerName, env, out, err, RuntimeLogger.fromEnvironment(env, out));
    }

    /** Initialises the handler, then serves invocations until the Runtime API goes away; returns the exit status. */
    static int run(RuntimeApiClient client, String handlerName, Map<String, String> env, PrintStream out,
                   PrintStream err, RuntimeLogger logger) {
        FunctionHandler handler;
        try {
            handler = HandlerLoader.load(handlerName, ClassLoader.getSystemClassLoader(), env, out);
            SnapStartHooks.run(env, client::restoreNext, err);
        } catch (Throwable t) {
            boolean restore = t instanceof SnapStartHooks.HookFailure hook && hook.restore;
            Throwable reported = (t instanceof HandlerLoader.InitFailure || t instanceof SnapStartHooks.HookFailure)
                    && t.getCause() != null ? t.getCause() : t;
            err.println("nhssm bootstrap: " + (restore ? "the restore of " : "cannot initialise handler ")
                    + handlerName + " failed:");
            reported.printStackTrace(err);
            err.flush();
            try {
                if (restore) {
                    client.restoreError(LambdaErrors.toJson(reported));
                } else {
                    client.initError(LambdaErrors.toJson(reported));
                }
            } catch (IOException e) {
                err.println("nhssm bootstrap: cannot report the error: " + e);
            }
            return INIT_FAILED;
        }

        while (true) {
            NextInvocation invocation;
            try {
                invocation = client.next();
            } catch (IOException e) {
                err.println("nhssm bootstrap: the Runtime API is gone (" + e.getMessage() + "); exiting");
                return RUNTIME_API_GONE;
            }
            if (invocation.traceId() != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", invocation.traceId());
            } else {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            }

            byte[] result = null;
            Throwable failure = null;
            logger.requestId(invocation.requestId());
            try {
                result = handler.handle(invocation);
            } catch (Throwable t) {
                failure = t;
                // As the Lambda Java runtime reports it: one event, at ERROR.
                logger.log(t.getMessage() + ": " + t.getClass().getName() + "\n" + stackTrace(t),
                        com.amazonaws.services.lambda.runtime.logging.LogLevel.ERROR);
            }
            out.flush();
            err.flush();
            try {
                if (failure == null) {
                    client.respond(invocation.requestId(), result);
                } else {
                    client.error(invocation.requestId(), LambdaErrors.toJson(failure));
                }
            } catch (IOException e) {
                err.println("nhssm bootstrap: cannot post the result of " + invocation.requestId() + ": " + e.getMessage());
            }
            logger.requestId(null);
            if (failure instanceof VirtualMachineError) {
                // As on Lambda: after an OutOfMemoryError or the like the JVM is not trusted again.
                err.flush();
                return INIT_FAILED;
            }
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter text = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
