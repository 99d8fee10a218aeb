package nhssm.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.lambda.ContainerRuntime;
import nhssm.local.lambda.FunctionArtifacts;
import nhssm.local.lambda.FunctionContainer;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.TemplateReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function of template.yaml, as declared (SnapStart, its logging), run under Amazon's runtime interface client
 * (the Lambda Java runtime's own, with its native part) against the local Runtime API, and under the local bootstrap:
 * the init (with the SnapStart hooks and restore/next), one invocation per event in events/ (collect), events/report/
 * and events/aggregate/, and a function error. Both must answer alike, and as the events expect; where the real
 * client and the local runtime disagree, the local runtime is wrong.
 */
class InterfaceClientTest {

    private static final Path ROOT = TemplateTable.locateTemplate().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EVENTS = Map.of("CollectFunction", "events", "ReportFunction",
            "events/report", "AggregateFunction", "events/aggregate");
    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static DynamoDbEngineServer dynamo;
    private static SamTemplate template;
    private static final Map<String, FunctionContainer> UNDER_CLIENT = new LinkedHashMap<>();
    private static final Map<String, FunctionContainer> UNDER_BOOTSTRAP = new LinkedHashMap<>();
    private static final ByteArrayOutputStream CLIENT_LOG = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream BOOTSTRAP_LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        dynamo = DynamoDbEngineServer.startInMemory();
        template = TemplateReader.read(ROOT.resolve("template.yaml"),
                Map.of("SurveyTable", EventsTable.TABLE, "AdminTokenSha256", TokenHash.of(EventsTable.ADMIN).hex()));
        Map<String, String> overrides = Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
                ServiceClock.VARIABLE, EventsTable.DURING_ROUND.toString());
        List<Path> clientJars = interfaceClientJars();
        ContainerRuntime client = new ContainerRuntime.InterfaceClient(clientJars, nativeLibrary(clientJars));
        PrintStream clientLog = new PrintStream(CLIENT_LOG, true, StandardCharsets.UTF_8);
        PrintStream bootstrapLog = new PrintStream(BOOTSTRAP_LOG, true, StandardCharsets.UTF_8);
        EventsTable.fresh(dynamo.client(), false);
        for (FunctionDefinition function : template.functions()) {
            Path artifact = FunctionArtifacts.layOut(ROOT, function, work);
            UNDER_CLIENT.put(function.logicalId(),
                    FunctionContainer.start(function, artifact, overrides, client, clientLog, clientLog));
            UNDER_BOOTSTRAP.put(function.logicalId(),
                    FunctionContainer.start(function, artifact, overrides, bootstrapLog, bootstrapLog));
        }
    }

    @AfterAll
    static void stop() {
        UNDER_CLIENT.values().forEach(FunctionContainer::close);
        UNDER_BOOTSTRAP.values().forEach(FunctionContainer::close);
        if (dynamo != null) {
            dynamo.close();
        }
    }

    /** The client and, beside it in the same directory, its dependencies at the versions it was built with. */
    static List<Path> interfaceClientJars() throws IOException {
        Path dir = Path.of("target", "runtime-interface-client");
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> found = jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList();
            assertThat(found).as("copied by the build (local/runtime/pom.xml)")
                    .anyMatch(j -> j.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client-"));
            return found;
        }
    }

    /** The client's native library for this machine, unpacked once from its jar for all of its JVMs. */
    static Path nativeLibrary(List<Path> clientJars) throws IOException {
        Path jar = clientJars.stream()
                .filter(j -> j.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client-"))
                .findFirst().orElseThrow();
        Path library = work.resolve("libaws-lambda-jni.so");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry("jni/libaws-lambda-jni.linux-x86_64.so");
            assertThat(entry).as("the client's native library for linux-x86_64 in " + jar).isNotNull();
            try (var in = zip.getInputStream(entry)) {
                Files.copy(in, library);
            }
        }
        return library;
    }

    static Stream<Arguments> events() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (FunctionDefinition function : TemplateReader.read(ROOT.resolve("template.yaml"),
                Map.of("SurveyTable", EventsTable.TABLE, "AdminTokenSha256", "0".repeat(64))).functions()) {
            Path dir = ROOT.resolve(EVENTS.get(function.logicalId()));
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".json") && !n.equals("expected-status.json")).sorted()
                        .forEach(n -> all.add(Arguments.of(function.logicalId(), n)));
            }
        }
        return all.stream();
    }

    @Test
    void everyFunction_shouldInitialiseUnderTheClient_withItsSnapStartHooksAndRestore() {
        assertThat(UNDER_CLIENT).containsOnlyKeys("CollectFunction", "ReportFunction", "AggregateFunction");
        UNDER_CLIENT.forEach((id, container) -> {
            assertThat(container.awaitReady(READY)).as(id + ": " + log(CLIENT_LOG)).isEmpty();
            assertThat(container.restored()).as(id + " asked restore/next after its beforeCheckpoint hooks").isTrue();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("events")
    void everyEvent_shouldBeAnsweredAlike_underTheClientAndTheBootstrap(String function, String file) throws IOException {
        String event = Files.readString(ROOT.resolve(EVENTS.get(function)).resolve(file));

        Invocation client = invokeOnFreshTable(UNDER_CLIENT.get(function), file, event);
        Invocation bootstrap = invokeOnFreshTable(UNDER_BOOTSTRAP.get(function), file, event);

        assertThat(client).as(log(CLIENT_LOG)).isInstanceOf(Invocation.Returned.class);
        assertThat(bootstrap).as(log(BOOTSTRAP_LOG)).isInstanceOf(Invocation.Returned.class);
        JsonNode underClient = JSON.readTree(((Invocation.Returned) client).payloadJson());
        JsonNode underBootstrap = JSON.readTree(((Invocation.Returned) bootstrap).payloadJson());
        assertThat(fieldNames(underBootstrap)).as("the same response shape").isEqualTo(fieldNames(underClient));
        if (function.equals("AggregateFunction")) {
            assertThat(underClient.path("batchItemFailures").isArray()).as(underClient.toString()).isTrue();
            assertThat(underClient.path("batchItemFailures")).as("RJ1 recomputed").isEmpty();
            assertThat(underBootstrap).isEqualTo(underClient);
        } else {
            int expected = expected(EVENTS.get(function)).get(file);
            assertThat(underClient.path("statusCode").asInt()).as(file + " under the client").isEqualTo(expected);
            assertThat(underBootstrap.path("statusCode").asInt()).as(file + " under the bootstrap").isEqualTo(expected);
            assertThat(fieldNames(underBootstrap.path("headers"))).isEqualTo(fieldNames(underClient.path("headers")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void anEventTheHandlerCannotRead_shouldBeTheSameFunctionError_underTheClientAndTheBootstrap(String function) {
        Invocation client = UNDER_CLIENT.get(function).invoke("[\"not\", \"an\", \"event\"]");
        Invocation bootstrap = UNDER_BOOTSTRAP.get(function).invoke("[\"not\", \"an\", \"event\"]");

        assertThat(client).as(log(CLIENT_LOG)).isInstanceOf(Invocation.Failed.class);
        assertThat(bootstrap).as(log(BOOTSTRAP_LOG)).isInstanceOf(Invocation.Failed.class);
        Invocation.Failed c = (Invocation.Failed) client;
        Invocation.Failed b = (Invocation.Failed) bootstrap;
        assertThat(b.errorType()).isEqualTo(c.errorType());
        assertThat(b.errorMessage()).isEqualTo(c.errorMessage());
        assertThat(UNDER_CLIENT.get(function).isUsable()).as("a function error leaves the container running").isTrue();
        assertThat(UNDER_BOOTSTRAP.get(function).isUsable()).isTrue();
        // Both runtimes log the error as one JSON event, at ERROR, with the request id and the stack trace.
        assertThat(errorEvents(CLIENT_LOG, function)).as(log(CLIENT_LOG))
                .anySatisfy(e -> assertThat(e.path("message").asText()).contains(c.errorType(), "\tat "));
        assertThat(errorEvents(BOOTSTRAP_LOG, function)).as(log(BOOTSTRAP_LOG))
                .anySatisfy(e -> assertThat(e.path("message").asText()).contains(b.errorType(), "\tat "));
    }

    /** The function's JSON log events at ERROR with a request id. */
    private static List<JsonNode> errorEvents(ByteArrayOutputStream log, String function) {
        List<JsonNode> events = new ArrayList<>();
        String prefix = "[" + function + "] {";
        for (String line : log.toString(StandardCharsets.UTF_8).lines().toList()) {
            if (line.startsWith(prefix)) {
                try {
                    JsonNode event = JSON.readTree(line.substring(prefix.length() - 1));
                    if (event.path("level").asText().equals("ERROR") && !event.path("AWSRequestId").asText().isEmpty()) {
                        events.add(event);
                    }
                } catch (IOException e) {
                    throw new AssertionError("a log line that is not JSON: " + line, e);
                }
            }
        }
        return events;
    }

    static Stream<String> functions() {
        return Stream.of("CollectFunction", "ReportFunction", "AggregateFunction");
    }

    private static Invocation invokeOnFreshTable(FunctionContainer container, String file, String event) {
        EventsTable.fresh(dynamo.client(), file.startsWith("response-"));
        if (file.startsWith("survey-receipt") || !container.function().logicalId().equals("CollectFunction")) {
            EventsTable.rj1HasAnAggregatedOfficialReturn(dynamo.client());
        }
        return container.invoke(event);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> i = node.fieldNames(); i.hasNext(); ) {
            names.add(i.next());
        }
        return names;
    }

    private static Map<String, Integer> expected(String dir) throws IOException {
        return JSON.readValue(ROOT.resolve(dir).resolve("expected-status.json").toFile(), new TypeReference<>() { });
    }

    private static String log(ByteArrayOutputStream log) {
        String text = log.toString(StandardCharsets.UTF_8);
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
