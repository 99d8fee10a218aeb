package nhssm.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * A DynamoDB event source mapping of a function, as template.yaml declares it.
 *
 * @param tableLogicalId       the table whose stream feeds the function ({@code !GetAtt Table.StreamArn})
 * @param filterPatterns       each FilterCriteria Filters[].Pattern, parsed; a record is delivered if any matches
 * @param reportBatchItemFailures FunctionResponseTypes contains ReportBatchItemFailures
 * @param maximumRetryAttempts -1 for "retry until the record expires" (the AWS default)
 */
public record StreamSource(
        String eventLogicalId,
        String tableLogicalId,
        int batchSize,
        String startingPosition,
        Duration maximumBatchingWindow,
        List<JsonNode> filterPatterns,
        boolean reportBatchItemFailures,
        int maximumRetryAttempts,
        boolean bisectBatchOnFunctionError) {

    public StreamSource {
        filterPatterns = List.copyOf(filterPatterns);
    }
}
