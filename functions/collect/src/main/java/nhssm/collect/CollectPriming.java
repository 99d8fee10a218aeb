package nhssm.collect;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenSecret;
import nhssm.core.validation.Validation;
import nhssm.http.FormBody;
import nhssm.http.RequestPriming;

/**
 * What the collect function does before a SnapStart snapshot, for every round: validates an empty form (the
 * form parser and the validation), and sends the definition as JSON (Jackson, the survey definition), a
 * response posted with a token that matches no grant (the token look-up through the AWS SDK's client:
 * marshalling, signing, the HTTP client, unmarshalling; answered 401, nothing written), and the survey page
 * without its cookie (the HTML pages). Every request is read-only.
 */
final class CollectPriming {

    private CollectPriming() {
    }

    static RequestPriming of(CollectApi api) {
        return new RequestPriming("collect", api::handle, send -> {
            byte[] emptyForm = "status=SUBMITTED".getBytes(StandardCharsets.US_ASCII);
            for (String round : SurveyDefinitions.rounds()) {
                SurveyDefinitions.forRound(round).ifPresent(definition -> Validation.validate(definition,
                        ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, RawAnswers.of(FormBody.parse(emptyForm))));
                Map<String, String> inRound = Map.of("round", round);
                String unknownToken = TokenSecret.generate(new SecureRandom()).value();
                send.apply(RequestPriming.request("GET /api/rounds/{round}/definition",
                        "/api/rounds/" + round + "/definition", inRound, Map.of("accept", "application/json"),
                        new byte[0]));
                send.apply(RequestPriming.request("POST /api/rounds/{round}/responses",
                        "/api/rounds/" + round + "/responses", inRound,
                        Map.of("authorization", "Bearer " + unknownToken,
                                "content-type", "application/x-www-form-urlencoded"), emptyForm));
                send.apply(RequestPriming.request("GET /survey/{round}", "/survey/" + round, inRound,
                        Map.of("accept", "text/html"), new byte[0]));
            }
        });
    }
}
