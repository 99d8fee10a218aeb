package nhssm.local.stream;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.StreamSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Shared test helpers: a template with one stream source, a recording invoker, waiting with deadlines. */
final class StreamFixtures {

    static final String FUNCTION = "AggregateFunction";
    static final String EVENT = "SurveyStream";
    static final String TABLE = "SurveyTable";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private StreamFixtures() {
    }

    /** A stream source; change what a test is about with the withers. */
    record Source(int batchSize, String startingPosition, Duration window, List<JsonNode> filters,
                  boolean reportBatchItemFailures, int maximumRetryAttempts, boolean bisect) {

        static Source defaults() {
            return new Source(100, "TRIM_HORIZON", Duration.ZERO, List.of(), true, -1, false);
        }

        Source batchSize(int n) {
            return new Source(n, startingPosition, window, filters, reportBatchItemFailures, maximumRetryAttempts, bisect);
        }

        Source latest() {
            return new Source(batchSize, "LATEST", window, filters, reportBatchItemFailures, maximumRetryAttempts, bisect);
        }

        Source window(Duration w) {
            return new Source(batchSize, startingPosition, w, filters, reportBatchItemFailures, maximumRetryAttempts, bisect);
        }

        Source filter(String... patterns) {
            List<JsonNode> parsed = new ArrayList<>();
            for (String pattern : patterns) {
                parsed.add(json(pattern));
            }
            return new Source(batchSize, startingPosition, window, parsed, reportBatchItemFailures, maximumRetryAttempts, bisect);
        }

        Source reportBatchItemFailures(boolean on) {
            return new Source(batchSize, startingPosition, window, filters, on, maximumRetryAttempts, bisect);
        }

        Source maximumRetryAttempts(int n) {
            return new Source(batchSize, startingPosition, window, filters, reportBatchItemFailures, n, bisect);
        }

        Source bisecting() {
            return new Source(batchSize, startingPosition, window, filters, reportBatchItemFailures, maximumRetryAttempts, true);
        }

        SamTemplate template() {
            StreamSource source = new StreamSource(EVENT, TABLE, batchSize, startingPosition, window, filters,
                    reportBatchItemFailures, maximumRetryAttempts, bisect);
            FunctionDefinition function = new FunctionDefinition(FUNCTION, "nhssm.aggregate.AggregateHandler::handleRequest",
                    "java21", Duration.ofSeconds(30), 512, Map.of(), List.of(), List.of(source));
            return new SamTemplate(List.of(function), List.of(TABLE));
        }
    }

    /**
     * A test function: records every event it is invoked with and answers with {@code behaviour}, which sees
     * the event's records (a Jackson tree of the event JSON as sent).
     */
    static final class RecordingInvoker implements FunctionInvoker {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final Function<List<JsonNode>, Invocation> behaviour;

        RecordingInvoker(Function<List<JsonNode>, Invocation> behaviour) {
            this.behaviour = behaviour;
        }

        static RecordingInvoker succeeding() {
            return new RecordingInvoker(records -> new Invocation.Returned("null"));
        }

        @Override
        public Invocation invoke(String functionLogicalId, String eventJson) {
            if (!functionLogicalId.equals(FUNCTION)) {
                throw new AssertionError("invoked " + functionLogicalId);
            }
            events.add(eventJson);
            List<JsonNode> records = new ArrayList<>();
            json(eventJson).get("Records").forEach(records::add);
            return behaviour.apply(records);
        }

        /** The records of every invocation, in order, each as its sort key. */
        List<List<String>> batches() {
            return events.stream().map(e -> {
                List<String> sks = new ArrayList<>();
                json(e).get("Records").forEach(r -> sks.add(sk(r)));
                return sks;
            }).toList();
        }

        /** Every record delivered, in order. */
        List<JsonNode> records() {
            List<JsonNode> all = new ArrayList<>();
            events.forEach(e -> json(e).get("Records").forEach(all::add));
            return all;
        }

        int recordCount() {
            return records().size();
        }
    }

    /** The log lines of a pump, also echoed to stdout. */
    static final class Log {
        final List<String> lines = new CopyOnWriteArrayList<>();

        StreamPump.Options options() {
            return StreamPump.Options.defaults()
                    .withPollInterval(Duration.ofMillis(20))
                    .withRetryDelay(Duration.ofMillis(10), Duration.ofMillis(50))
                    .withLog(line -> {
                        System.out.println(line);
                        lines.add(line);
                    });
        }

        boolean contains(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    /** The sort key of a record of an event, from its Keys. */
    static String sk(JsonNode record) {
        return record.path("dynamodb").path("Keys").path("sk").path("S").asText();
    }

    static String sequenceNumber(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    static Invocation.Returned batchItemFailures(String... sequenceNumbers) {
        StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < sequenceNumbers.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(sequenceNumbers[i]).append("\"}");
        }
        return new Invocation.Returned(json.append("]}").toString());
    }

    static Invocation.Failed functionError() {
        return new Invocation.Failed("java.lang.IllegalStateException", "a record it cannot take",
                List.of("nhssm.aggregate.AggregateHandler.handleRequest(AggregateHandler.java:1)"));
    }

    static void put(DynamoDbClient client, String table, String sk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(more);
        item.put("pk", AttributeValue.fromS("ROUND#2026#TRUST#RXX"));
        item.put("sk", AttributeValue.fromS(sk));
        client.putItem(r -> r.tableName(table).item(item));
    }

    static void put(DynamoDbClient client, String table, String sk) {
        put(client, table, sk, Map.of());
    }

    static Map<String, AttributeValue> key(String sk) {
        return Map.of("pk", AttributeValue.fromS("ROUND#2026#TRUST#RXX"), "sk", AttributeValue.fromS(sk));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} until it holds, failing with {@code what} at the deadline. */
    static void await(String what, BooleanSupplier condition) {
        await(what, DEADLINE, condition, () -> "");
    }

    static void await(String what, Duration deadline, BooleanSupplier condition, Supplier<String> state) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("timed out after " + deadline.toMillis() + " ms waiting until " + what + " " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    /** True if a thread with this name is alive in this JVM. */
    static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
