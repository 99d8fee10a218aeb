package nhssm.local.bootstrap.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;

/** Answers with the first record's sequence number as a batch item failure: only the runtime's mixins map it. */
public class StreamProbe implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        var record = event.getRecords().get(0).getDynamodb();
        String sk = record.getNewImage().get("sk").getS();
        String count = record.getNewImage().get("count").getN();
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(
                record.getSequenceNumber() + "|" + sk + "|" + count + "|" + context.getAwsRequestId())));
    }
}
