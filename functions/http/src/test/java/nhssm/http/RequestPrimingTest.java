package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestPrimingTest {

    @Test
    void beforeCheckpoint_shouldSendEveryRequestToTheHandler_markedAsPriming() {
        List<HttpRequest> received = new ArrayList<>();
        List<Integer> answered = new ArrayList<>();
        RequestPriming priming = new RequestPriming("test", request -> {
            received.add(request);
            return HttpResponse.json(200, "{}");
        }, send -> {
            answered.add(send.apply(RequestPriming.request("GET /things/{id}", "/things/1", Map.of("id", "1"),
                    Map.of(), new byte[0])).status());
            answered.add(send.apply(RequestPriming.request("POST /things", "/things", Map.of(),
                    Map.of("content-type", "application/json"), "{}".getBytes())).status());
        });

        priming.beforeCheckpoint(null);

        assertThat(received).extracting(HttpRequest::method, HttpRequest::rawPath, HttpRequest::requestId)
                .containsExactly(tuple("GET", "/things/1", "snapshot-priming"),
                        tuple("POST", "/things", "snapshot-priming"));
        assertThat(received.getFirst().pathParameter("id")).hasValue("1");
        assertThat(answered).containsExactly(200, 200);
    }

    @Test
    void beforeCheckpoint_shouldNeverFailTheSnapshot_whenAHandlerFails() {
        RequestPriming priming = new RequestPriming("test", request -> {
            throw new IllegalStateException("the handler broke");
        }, send -> send.apply(RequestPriming.request("GET /x", "/x", Map.of(), Map.of(), new byte[0])));

        assertThatCode(() -> {
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }).doesNotThrowAnyException();
    }
}
