package nhssm.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading a function's result under ReportBatchItemFailures, case by case as the Lambda guide lists them. */
class BatchResponseTest {

    private static final List<String> BATCH = List.of("100", "200", "300");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "null", "{}", "{\"batchItemFailures\":null}", "{\"batchItemFailures\":[]}",
            "\"done\"", "[]", "{\"somethingElse\":1}"})
    void completeSuccess(String result) {
        assertThat(BatchResponse.parse(result, BATCH)).isInstanceOf(BatchResponse.Success.class);
    }

    @Test
    void partial_shouldCheckpointAtTheLowestSequenceNumberReported() {
        assertThat(BatchResponse.parse("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}", BATCH))
                .isEqualTo(new BatchResponse.Partial(1, 1));
        assertThat(BatchResponse.parse(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"300\"},{\"itemIdentifier\":\"100\"}]}", BATCH))
                .isEqualTo(new BatchResponse.Partial(0, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
            "{\"batchItemFailures\":[{\"itemId\":\"200\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"999\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"},{\"itemIdentifier\":\"999\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":200}]}",
            "{\"batchItemFailures\":[\"200\"]}",
            "{\"batchItemFailures\":\"200\"}",
            "{not json"})
    void completeFailure(String result) {
        assertThat(BatchResponse.parse(result, BATCH)).isInstanceOf(BatchResponse.Invalid.class);
    }

    @Test
    void streamsEventResponse_asTheRuntimeSerializesIt_shouldBeRead() {
        // What a handler returning StreamsEventResponse puts on the wire: the runtime serializes a result that is
        // not one of its known events with its Jackson factory.
        StreamsEventResponse response = StreamsEventResponse.builder()
                .withBatchItemFailures(List.of(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier("300").build()))
                .build();
        PojoSerializer<StreamsEventResponse> runtime = JacksonFactory.getInstance()
                .getSerializer(StreamsEventResponse.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime.toJson(response, out);

        assertThat(BatchResponse.parse(out.toString(StandardCharsets.UTF_8), BATCH))
                .isEqualTo(new BatchResponse.Partial(2, 1));
    }
}
