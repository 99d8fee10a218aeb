package nhssm.collect;

import java.security.SecureRandom;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpFunction;

/** Lambda entry point of the collect function: its API behind the shared HTTP edge. */
public final class CollectHandler extends HttpFunction {

    /** Used by the Lambda runtime: everything is built once per container, from the environment. */
    public CollectHandler() {
        this(fromEnvironment(System.getenv()));
    }

    /** Used by tests and the local runtime, which supply their own store, clock or environment. */
    public CollectHandler(CollectApi api) {
        super(api::handle);
    }

    public static CollectApi fromEnvironment(Map<String, String> env) {
        return new CollectApi(
                new DynamoDbSurveyStore(DynamoDbConnection.fromEnvironment(env), DynamoDbConnection.tableName(env)),
                TrustRegister.bundled(),
                ServiceClock.fromEnvironment(env),
                new SecureRandom(),
                TokenVerifier.adminHash(env.get("ADMIN_TOKEN_SHA256")));
    }
}
