package nhssm.report.api;

import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenVerifier;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpFunction;
import nhssm.http.RequestPriming;
import org.crac.Core;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point of the report function: its API behind the shared HTTP edge. */
public final class ReportHandler extends HttpFunction {

    /** Held here because a CRaC context holds its resources only weakly. */
    private final RendererPriming priming;
    private final RequestPriming requests;

    /**
     * Used by the Lambda runtime: everything is built once per container, from the environment. The
     * renderers' priming starts first, so it overlaps building the database client and the first query.
     */
    public ReportHandler() {
        this(RendererPriming.start(), System.getenv());
    }

    private ReportHandler(RendererPriming priming, Map<String, String> env) {
        this(priming, fromEnvironment(env));
    }

    private ReportHandler(RendererPriming priming, ReportApi api) {
        super(api::handle, "report", new ReportMetrics());
        this.priming = priming;
        this.requests = ReportPriming.of(api);
        Core.getGlobalContext().register(priming);
        Core.getGlobalContext().register(requests);
    }

    /** Used by tests and the local runtime, which supply their own store, clock or limit. */
    public ReportHandler(ReportApi api) {
        super(api::handle, "report", new ReportMetrics());
        this.priming = null;
        this.requests = null;
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
}
