package nhssm.local.bootstrap;

/**
 * A loaded handler, as bytes in and bytes out. Deliberately free of aws-lambda-java-core types, so
 * that {@link LambdaBootstrap} links even when the function's artifact lacks that library: the
 * failure then surfaces as an init error, as on Lambda.
 */
interface FunctionHandler {

    /** Runs the handler on one event; whatever it throws is the invocation's error. */
    byte[] handle(NextInvocation invocation) throws Throwable;
}
