package nhssm.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenSecret;
import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.lambda.FunctionArtifacts;
import nhssm.local.lambda.InvokeCommand;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.TemplateReader;

/**
 * {@code nhssm invoke}: one invocation of one function, like {@code sam local invoke}. It talks to the
 * The DynamoDB engine of a running {@code nhssm start} when there is one, and otherwise to an empty
 * in-memory one with the template's tables, started for this invocation only.
 */
final class LocalInvoke {

    private LocalInvoke() {
    }

    static int run(Path root, String logicalId, Path event, URI dynamoEndpoint, Optional<String> adminToken,
            Optional<Instant> clockFrom, Path workDir, PrintStream out, PrintStream err) {
        Path templateYaml = root.resolve("template.yaml");
        // Without a known admin token, admin routes answer 401, as they would to a wrong one.
        String admin = adminToken.orElseGet(() -> TokenSecret.generate(new SecureRandom()).value());
        SamTemplate template = TemplateReader.read(templateYaml, LocalSystem.references(templateYaml, admin));
        if (template.function(logicalId).isEmpty()) {
            err.println("error: template.yaml has no function " + logicalId + "; it has "
                    + template.functions().stream().map(f -> f.logicalId()).toList());
            return InvokeCommand.USAGE_ERROR;
        }
        Path artifact = FunctionArtifacts.layOut(root, template.function(logicalId).get(), workDir);
        if (listening(dynamoEndpoint)) {
            return InvokeCommand.run(template, logicalId, event, artifact, overrides(dynamoEndpoint, clockFrom), out, err);
        }
        err.println("no DynamoDB engine at " + dynamoEndpoint + ": using an empty in-memory one for this invocation");
        try (DynamoDbEngineServer dynamo = DynamoDbEngineServer.start(LocalSystem.database(0, Optional.empty(), clockFrom))) {
            LocalSystem.createTables(templateYaml, template, dynamo, err);
            return InvokeCommand.run(template, logicalId, event, artifact, overrides(dynamo.endpoint(), clockFrom), out, err);
        }
    }

    private static Map<String, String> overrides(URI dynamoEndpoint, Optional<Instant> clockFrom) {
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        overrides.put("DYNAMODB_ENDPOINT", dynamoEndpoint.toString());
        clockFrom.ifPresent(at -> overrides.put(ServiceClock.VARIABLE, at.toString()));
        return overrides;
    }

    private static boolean listening(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
