package nhssm.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One AWS::Serverless::Function as the local runtime runs it.
 *
 * @param handler     e.g. {@code nhssm.collect.CollectHandler::handleRequest}
 * @param environment the function's Environment Variables with intrinsics resolved
 * @param snapStart   {@code SnapStart: ApplyOn: PublishedVersions}: its containers start as a restored snapshot does
 * @param logging     its LoggingConfig
 */
public record FunctionDefinition(
        String logicalId,
        String handler,
        String runtime,
        Duration timeout,
        int memoryMb,
        Map<String, String> environment,
        List<HttpRoute> routes,
        List<StreamSource> streams,
        boolean snapStart,
        LogConfig logging) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
        streams = List.copyOf(streams);
    }

    /** An on-demand function (no SnapStart) with Lambda's default, plain-text logging. */
    public FunctionDefinition(String logicalId, String handler, String runtime, Duration timeout, int memoryMb,
                              Map<String, String> environment, List<HttpRoute> routes, List<StreamSource> streams) {
        this(logicalId, handler, runtime, timeout, memoryMb, environment, routes, streams, false, LogConfig.TEXT);
    }

    /** The handler's class name, without the {@code ::method} part. */
    public String handlerClass() {
        int i = handler.indexOf("::");
        return i < 0 ? handler : handler.substring(0, i);
    }

    /** The same function, with or without SnapStart. */
    public FunctionDefinition withSnapStart(boolean on) {
        return new FunctionDefinition(logicalId, handler, runtime, timeout, memoryMb, environment, routes, streams, on,
                logging);
    }
}
