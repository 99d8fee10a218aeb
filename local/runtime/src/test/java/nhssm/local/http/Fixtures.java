package nhssm.local.http;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.HttpRoute;
import nhssm.local.template.SamTemplate;

/** Templates, a recording invoker and JSON helpers for the HTTP API tests. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private Fixtures() {
    }

    static FunctionDefinition function(String logicalId, HttpRoute... routes) {
        return new FunctionDefinition(logicalId, "example.Handler::handleRequest", "java21", Duration.ofSeconds(15),
                512, Map.of(), Arrays.asList(routes), List.of());
    }

    static SamTemplate template(FunctionDefinition... functions) {
        return new SamTemplate(Arrays.asList(functions), List.of("SurveyTable"));
    }

    static HttpRoute route(String method, String path) {
        return new HttpRoute(method, path);
    }

    /** The $default route as the template model carries it. */
    static HttpRoute defaultRoute() {
        return new HttpRoute("ANY", "$default");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resourceText(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function invoker that records every event and answers as told (by default 200, empty body). */
    static final class RecordingInvoker implements FunctionInvoker {

        record Call(String functionLogicalId, String eventJson) {
            JsonNode event() {
                return json(eventJson);
            }
        }

        private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        private volatile Function<String, Invocation> answer = event -> new Invocation.Returned("{\"statusCode\":200}");

        RecordingInvoker answering(Function<String, Invocation> answer) {
            this.answer = answer;
            return this;
        }

        RecordingInvoker returning(String payloadJson) {
            return answering(event -> new Invocation.Returned(payloadJson));
        }

        @Override
        public Invocation invoke(String functionLogicalId, String eventJson) {
            calls.add(new Call(functionLogicalId, eventJson));
            return answer.apply(eventJson);
        }

        /** The next recorded call, waiting for it up to the deadline. */
        Call next() {
            try {
                Call call = calls.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                if (call == null) {
                    fail("the function was not invoked within " + DEADLINE);
                }
                return call;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        boolean invoked() {
            return !calls.isEmpty();
        }
    }

    /** Waits, up to the deadline, until some element of a concurrently growing list matches. */
    static <T> T awaitMatch(List<T> list, Predicate<T> predicate, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            for (T t : List.copyOf(list)) {
                if (predicate.test(t)) {
                    return t;
                }
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return fail("no " + what + " within " + DEADLINE + " in " + list);
    }
}
