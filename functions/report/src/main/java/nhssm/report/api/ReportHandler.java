package nhssm.report.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;
import nhssm.http.MalformedRequestException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point of the report function: decode the HTTP API event, handle it, encode the response. */
public final class ReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ReportApi api;

    /** Used by the Lambda runtime: everything is built once per container, from the environment. */
    public ReportHandler() {
        this(fromEnvironment(System.getenv()));
    }

    /** Used by tests and the local runtime, which supply their own store, clock or limit. */
    public ReportHandler(ReportApi api) {
        this.api = api;
    }

    public static ReportApi fromEnvironment(Map<String, String> env) {
        DynamoDbClient dynamo = DynamoDbConnection.fromEnvironment(env);
        String table = DynamoDbConnection.tableName(env);
        return new ReportApi(
                new DynamoDbSurveyStore(dynamo, table),
                new DynamoDbTrustRecordStore(dynamo, table),
                TrustRegister.bundled(),
                ServiceClock.fromEnvironment(env),
                TokenVerifier.adminHash(env.get("ADMIN_TOKEN_SHA256")),
                env.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                ReportApi.LAMBDA_RESPONSE_LIMIT);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request;
        try {
            request = HttpRequest.from(event);
        } catch (MalformedRequestException e) {
            return Problems.malformed(e.getMessage()).toResponse().toEvent();
        }
        return api.handle(request).toEvent();
    }
}
