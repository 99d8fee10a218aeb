package nhssm.local.bootstrap;

/**
 * One invocation as GET invocation/next hands it over.
 *
 * @param deadlineMs  epoch milliseconds by which the function must answer
 * @param functionArn the invoked function's ARN, or null
 * @param traceId     the X-Ray trace header, or null
 * @param event       the event, as the caller sent it
 */
record NextInvocation(String requestId, long deadlineMs, String functionArn, String traceId, byte[] event) {
}
