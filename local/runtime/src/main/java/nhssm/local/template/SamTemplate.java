package nhssm.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local runtime needs of template.yaml: the functions, with their HTTP routes and stream
 * event sources, and the DynamoDB tables. Intrinsics (!Ref, !GetAtt) are resolved when read.
 */
public record SamTemplate(List<FunctionDefinition> functions, List<String> tableLogicalIds) {

    public SamTemplate {
        functions = List.copyOf(functions);
        tableLogicalIds = List.copyOf(tableLogicalIds);
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** Every HTTP route of every function, with the function that serves it. */
    public Map<HttpRoute, FunctionDefinition> routes() {
        Map<HttpRoute, FunctionDefinition> routes = new java.util.LinkedHashMap<>();
        functions.forEach(f -> f.routes().forEach(r -> routes.put(r, f)));
        return routes;
    }
}
