package nhssm.local.lambda;

/**
 * Invokes a function of the template synchronously, as Lambda's Invoke API does: one JSON event in,
 * the function's JSON result (or its error) out. The HTTP API emulation and the stream event source
 * mapping call functions only through this.
 */
public interface FunctionInvoker {

    Invocation invoke(String functionLogicalId, String eventJson);
}
