package nhssm.collect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.security.SecureRandom;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;
import nhssm.http.MalformedRequestException;

/** Lambda entry point of the collect function: decode the HTTP API event, handle it, encode the response. */
public final class CollectHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CollectApi api;

    /** Used by the Lambda runtime: everything is built once per container, from the environment. */
    public CollectHandler() {
        this(fromEnvironment(System.getenv()));
    }

    /** Used by tests and the local runtime, which supply their own store, clock or environment. */
    public CollectHandler(CollectApi api) {
        this.api = api;
    }

    public static CollectApi fromEnvironment(Map<String, String> env) {
        return new CollectApi(
                new DynamoDbSurveyStore(DynamoDbConnection.fromEnvironment(env), DynamoDbConnection.tableName(env)),
                TrustRegister.bundled(),
                ServiceClock.fromEnvironment(env),
                new SecureRandom(),
                TokenVerifier.adminHash(env.get("ADMIN_TOKEN_SHA256")));
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
