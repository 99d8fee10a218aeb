package nhssm.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One AWS::Serverless::Function as the local runtime runs it.
 *
 * @param handler     e.g. {@code nhssm.collect.CollectHandler::handleRequest}
 * @param environment the function's Environment Variables with intrinsics resolved
 */
public record FunctionDefinition(
        String logicalId,
        String handler,
        String runtime,
        Duration timeout,
        int memoryMb,
        Map<String, String> environment,
        List<HttpRoute> routes,
        List<StreamSource> streams) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
        streams = List.copyOf(streams);
    }

    /** The handler's class name, without the {@code ::method} part. */
    public String handlerClass() {
        int i = handler.indexOf("::");
        return i < 0 ? handler : handler.substring(0, i);
    }
}
