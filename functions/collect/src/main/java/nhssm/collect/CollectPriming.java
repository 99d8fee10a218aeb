package nhssm.collect;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenSecret;
import nhssm.core.validation.Validation;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import org.crac.Context;
import org.crac.Resource;

/**
 * Uses the collect function's code once before a SnapStart snapshot, so that the snapshot holds it loaded and
 * compiled and a restored function answers its first request without that first use: for every round, the
 * definition as JSON (Jackson, the survey definition), a response posted with a token that matches no grant
 * (the token look-up through the AWS SDK's client: marshalling, signing, the HTTP client, unmarshalling;
 * answered 401, nothing written) after validating an empty form (the form parser and the validation), and the
 * survey page without its cookie (the HTML pages).
 *
 * <p>Priming never fails the snapshot: an unreachable table only makes the look-up answer 503, and any other
 * failure is logged. It runs only at the checkpoint, not at a cold start without SnapStart, where it would
 * add its time to the first request's.
 */
final class CollectPriming implements Resource {

    private static final System.Logger LOG = System.getLogger(CollectPriming.class.getName());

    private final CollectApi api;

    CollectPriming(CollectApi api) {
        this.api = api;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        try {
            prime();
            LOG.log(System.Logger.Level.INFO, "collect primed for the snapshot in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "collect priming failed (requests are served as usual)", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the primed code is in the restored snapshot; the random source renews itself.
    }

    /** The priming itself, on the calling thread; every request is read-only. */
    void prime() {
        byte[] emptyForm = "status=SUBMITTED".getBytes(StandardCharsets.US_ASCII);
        for (String round : SurveyDefinitions.rounds()) {
            SurveyDefinitions.forRound(round).ifPresent(definition -> Validation.validate(definition,
                    ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, RawAnswers.of(FormBody.parse(emptyForm))));
            String unknownToken = TokenSecret.generate(new SecureRandom()).value();
            send("GET /api/rounds/{round}/definition", "GET", "/api/rounds/" + round + "/definition", round,
                    Map.of("accept", "application/json"), new byte[0]);
            send("POST /api/rounds/{round}/responses", "POST", "/api/rounds/" + round + "/responses", round,
                    Map.of("authorization", "Bearer " + unknownToken,
                            "content-type", "application/x-www-form-urlencoded"), emptyForm);
            send("GET /survey/{round}", "GET", "/survey/" + round, round, Map.of("accept", "text/html"), new byte[0]);
        }
    }

    private void send(String routeKey, String method, String path, String round, Map<String, String> headers,
            byte[] body) {
        api.handle(new HttpRequest(routeKey, method, path, "", Map.of("round", round), headers, List.of(), body,
                "snapshot-priming")).toEvent();
    }
}
