package nhssm.report.api;

import nhssm.http.testing.HttpApiEvent;

/** A GET of a report as an HTTP API (payload 2.0) delivers it, on the route API Gateway matches. */
final class ReportEvent {

    static final String NATIONAL_ROUTE = "/reports/{round}/{file}";
    static final String TRUST_ROUTE = "/reports/{round}/trusts/{file}";

    private ReportEvent() {
    }

    /** {@code GET /reports/{round}/{file}}, e.g. national("2026", "national.pdf"). */
    static HttpApiEvent national(String round, String file) {
        return get(NATIONAL_ROUTE, round, file);
    }

    /** {@code GET /reports/{round}/trusts/{file}}, e.g. trust("2026", "RJ1.pdf"). */
    static HttpApiEvent trust(String round, String file) {
        return get(TRUST_ROUTE, round, file);
    }

    private static HttpApiEvent get(String route, String round, String file) {
        return HttpApiEvent.request("GET", route, route.replace("{round}", round).replace("{file}", file));
    }
}
