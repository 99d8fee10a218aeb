package nhssm.local.stream;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a function's result means to a stream event source mapping with ReportBatchItemFailures, as the
 * Lambda developer guide ("Configuring partial batch response with DynamoDB and Lambda") states it:
 * <ul>
 *   <li>complete success: no result, a result without {@code batchItemFailures}, a null or empty list;</li>
 *   <li>partial: {@code {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}}. The record with the lowest
 *       sequence number reported is the checkpoint: it and every record after it are retried;</li>
 *   <li>complete failure: an entry whose {@code itemIdentifier} is missing (a bad key name), null, empty, or not a
 *       sequence number of the batch.</li>
 * </ul>
 */
sealed interface BatchResponse {

    /** Every record of the batch was processed. */
    record Success() implements BatchResponse {
    }

    /** Records before {@code firstFailed} (an index into the batch) were processed; retry from it. */
    record Partial(int firstFailed, int reported) implements BatchResponse {
    }

    /** The response itself says the whole batch failed; {@code reason} never contains record data. */
    record Invalid(String reason) implements BatchResponse {
    }

    ObjectMapper JSON = new ObjectMapper();

    /** Reads a function's result for a batch whose records have {@code sequenceNumbers}, in order. */
    static BatchResponse parse(String payloadJson, List<String> sequenceNumbers) {
        if (payloadJson == null || payloadJson.isBlank()) {
            return new Success();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            return new Invalid("the function's result is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            return new Success();
        }
        JsonNode failures = payload.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return new Success();
        }
        if (!failures.isArray()) {
            return new Invalid("batchItemFailures is not a list");
        }
        if (failures.isEmpty()) {
            return new Success();
        }
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            if (!failure.isObject() || !failure.has("itemIdentifier")) {
                return new Invalid("a batchItemFailures entry has no itemIdentifier");
            }
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier.isNull()) {
                return new Invalid("an itemIdentifier is null");
            }
            if (!identifier.isTextual() || identifier.textValue().isEmpty()) {
                return new Invalid("an itemIdentifier is empty or not a string");
            }
            int index = sequenceNumbers.indexOf(identifier.textValue());
            if (index < 0) {
                return new Invalid("an itemIdentifier is not the sequence number of a record in the batch");
            }
            first = Math.min(first, index);
        }
        return new Partial(first, failures.size());
    }
}
