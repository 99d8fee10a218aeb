package nhssm.collect;

import java.security.SecureRandom;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpFunction;
import nhssm.http.RequestPriming;
import org.crac.Core;

/** Lambda entry point of the collect function: its API behind the shared HTTP edge. */
public final class CollectHandler extends HttpFunction {

    /** Held here because a CRaC context holds its resources only weakly. */
    private final SnapshotSafeRandom random;
    private final RequestPriming priming;

    /**
     * Used by the Lambda runtime: everything is built once per container, from the environment. With SnapStart,
     * the API is primed before the snapshot and the random source is renewed after each restore.
     */
    public CollectHandler() {
        this(new SnapshotSafeRandom(), System.getenv());
    }

    private CollectHandler(SnapshotSafeRandom random, Map<String, String> env) {
        this(random, fromEnvironment(env, random));
    }

    private CollectHandler(SnapshotSafeRandom random, CollectApi api) {
        super(api::handle, "collect", new CollectMetrics());
        this.random = random;
        this.priming = CollectPriming.of(api);
        // Restore hooks run in the order registered: the random source is renewed before anything else runs.
        Core.getGlobalContext().register(random);
        Core.getGlobalContext().register(priming);
    }

    /** Used by tests and the local runtime, which supply their own store, clock or environment. */
    public CollectHandler(CollectApi api) {
        super(api::handle, "collect", new CollectMetrics());
        this.random = null;
        this.priming = null;
    }

    public static CollectApi fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, new SecureRandom());
    }

    private static CollectApi fromEnvironment(Map<String, String> env, SecureRandom random) {
        return new CollectApi(
                new DynamoDbSurveyStore(DynamoDbConnection.fromEnvironment(env), DynamoDbConnection.tableName(env)),
                TrustRegister.bundled(),
                ServiceClock.fromEnvironment(env),
                random,
                TokenVerifier.adminHash(env.get("ADMIN_TOKEN_SHA256")));
    }
}
