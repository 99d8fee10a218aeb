package nhssm.report.api;

import java.util.Map;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.http.RequestPriming;

/**
 * What the report function does before a SnapStart snapshot, besides the renderers' own priming: asks for
 * every round's national PDF, which queries the trust records through the AWS SDK's client (marshalling,
 * signing, the HTTP client, unmarshalling) and renders them. Read-only; an unreachable table answers 503.
 */
final class ReportPriming {

    private ReportPriming() {
    }

    static RequestPriming of(ReportApi api) {
        return new RequestPriming("report", api::handle, send -> {
            for (String round : SurveyDefinitions.rounds()) {
                send.apply(RequestPriming.request("GET /reports/{round}/{file}", "/reports/" + round + "/national.pdf",
                        Map.of("round", round, "file", "national.pdf"), Map.of(), new byte[0]));
            }
        });
    }
}
