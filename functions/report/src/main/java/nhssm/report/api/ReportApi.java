package nhssm.report.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.store.TrustRecordStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenLookup;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.Problem;
import nhssm.http.SecurityHeaders;
import nhssm.report.content.RoundData;

/**
 * The report function's routes, dispatched on the route key API Gateway matched (template.yaml):
 * {@code GET /reports/{round}/{file}} for the national report and {@code GET /reports/{round}/trusts/{file}}
 * for a trust's. Each request reads the round's trust records (one query), decides access, answers a
 * revalidation with 304 from the ETag alone, and otherwise renders. Anything a client can send ends as
 * a 4xx; the database being unreachable gives a 503.
 */
public final class ReportApi {

    /** A synchronous Lambda response is at most 6 MB, counted after base64 (AWS Lambda quotas). */
    public static final long LAMBDA_RESPONSE_LIMIT = 6L * 1024 * 1024;
    /** Kept free below the limit for the status, the headers and the JSON around the body. */
    static final long ENVELOPE_ALLOWANCE = 16 * 1024;

    private static final System.Logger LOG = System.getLogger(ReportApi.class.getName());
    private static final String NATIONAL_ROUTE = "GET /reports/{round}/{file}";
    private static final String TRUST_ROUTE = "GET /reports/{round}/trusts/{file}";
    /** No script, no fetch, no framing: the HTML report is one self-contained page. */
    private static final String HTML_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors 'none'";

    private final TrustRecordStore records;
    private final TrustRegister register;
    private final Authentication authentication;
    private final ReportRenderer renderer;
    private final long maxResponseBytes;

    /**
     * @param deployedVersion  the Lambda function version, part of every ETag
     * @param maxResponseBytes the largest response Lambda will return, base64 body included
     */
    public ReportApi(TokenLookup tokens, TrustRecordStore records, TrustRegister register, Clock clock,
            Optional<TokenHash> adminHash, String deployedVersion, long maxResponseBytes) {
        this.records = records;
        this.register = register;
        this.authentication = new Authentication(tokens, adminHash, clock);
        this.renderer = new ReportRenderer(deployedVersion);
        this.maxResponseBytes = maxResponseBytes;
    }

    public HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (StoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "store unavailable on " + request.routeKey() + ": " + e.getMessage());
            return refusal(Problems.unavailable()).withHeader("retry-after", "2");
        }
    }

    private HttpResponse route(HttpRequest request) {
        String routeKey = request.routeKey() == null ? "" : request.routeKey();
        String file = request.pathParameter("file").orElse("");
        return switch (routeKey) {
            case NATIONAL_ROUTE -> inRound(request, definition ->
                    switch (ReportFileName.national(definition.round(), file)) {
                        case ReportFileName.Reading.Read read ->
                                deliver(request, roundData(definition), read.report(), Access.PUBLIC);
                        case ReportFileName.Reading.Refused refused -> refusal(refused.problem());
                    });
            case TRUST_ROUTE -> inRound(request, definition -> trust(request, definition, file))
                    // Whether the answer is 200, 403 or 404, and which copy (the trust's or the published one),
                    // depends on who asks: a cache must never give one reader's answer to another.
                    .withHeader("vary", "Authorization, Cookie");
            // As API Gateway answers a route it does not have.
            default -> HttpResponse.json(404, "{\"message\":\"Not Found\"}");
        };
    }

    private HttpResponse trust(HttpRequest request, SurveyDefinition definition, String file) {
        String round = definition.round();
        return switch (ReportFileName.trust(round, file)) {
            case ReportFileName.Reading.Refused refused -> refusal(refused.problem());
            case ReportFileName.Reading.Read read -> {
                String odsCode = ((ReportRequest.ForTrust) read.report()).odsCode();
                RoundData data = roundData(definition);
                Optional<TrustRecord> record = data.records().stream().filter(r -> r.odsCode().equals(odsCode)).findFirst();
                yield switch (TrustReportAccess.decide(authentication.reader(request, round), definition, odsCode, record)) {
                    case Access.Granted granted -> deliver(request, data, read.report(), granted);
                    case Access.Refused refused -> refusal(refused.problem());
                };
            }
        };
    }

    private HttpResponse inRound(HttpRequest request, Function<SurveyDefinition, HttpResponse> action) {
        String round = request.pathParameter("round").orElse("");
        return SurveyDefinitions.forRound(round)
                .map(action)
                .orElseGet(() -> refusal(Problems.unknownRound(round, SurveyDefinitions.rounds())));
    }

    private RoundData roundData(SurveyDefinition definition) {
        return RoundData.of(definition, register, records.recordsOf(definition.round()));
    }

    /** 304 when the client's copy is current; otherwise the rendered report, if it fits in a response. */
    private HttpResponse deliver(HttpRequest request, RoundData data, ReportRequest report, Access.Granted access) {
        EntityTag tag = EntityTag.of(data.snapshotId(), renderer.version(), report, access.audience());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("etag", tag.header());
        headers.put("cache-control", access.cacheControl());
        if (tag.matchedBy(request.header("if-none-match"))) {
            return new HttpResponse(304, headers, List.of(), new byte[0], false);
        }
        String fileName = report.fileName(data.definition().round());
        byte[] bytes;
        try {
            bytes = renderer.render(data, report, access.audience());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "rendering " + fileName + " failed", e);
            return refusal(Problems.internal(request.requestId()));
        }
        long encoded = 4 * ((bytes.length + 2L) / 3);
        if (encoded + ENVELOPE_ALLOWANCE > maxResponseBytes) {
            LOG.log(System.Logger.Level.ERROR, fileName + " is " + bytes.length + " bytes, " + encoded
                    + " in base64: over the " + (maxResponseBytes - ENVELOPE_ALLOWANCE) + " a response body can take");
            return refusal(Problems.tooLarge(fileName, encoded, maxResponseBytes - ENVELOPE_ALLOWANCE,
                    alternatives(report)));
        }
        headers.put("content-type", report.format().contentType());
        headers.put("content-disposition", report.format().disposition() + "; filename=\"" + fileName + "\"");
        if (report.format() == ReportFormat.HTML) {
            headers.put("content-security-policy", HTML_POLICY);
        }
        // Every format goes base64: its size is then exactly what counts against the limit, and no byte is re-encoded.
        return SecurityHeaders.nosniff(new HttpResponse(200, headers, List.of(), bytes, true));
    }

    private static List<String> alternatives(ReportRequest report) {
        List<ReportFormat> offered = switch (report) {
            case ReportRequest.National n -> ReportRequest.National.FORMATS;
            case ReportRequest.ForTrust t -> ReportRequest.ForTrust.FORMATS;
        };
        return offered.stream().filter(f -> f != report.format() && f != ReportFormat.CSV)
                .map(f -> report.subject() + "." + f.extension()).toList();
    }

    /** A problem, never stored by a cache: what it says may change with the data or the reader. */
    private static HttpResponse refusal(Problem problem) {
        HttpResponse response = SecurityHeaders.privateJson(problem.toResponse());
        return problem.status() == 401
                ? response.withHeader("www-authenticate", "Bearer realm=\"nhssm\", error=\"invalid_token\"")
                : response;
    }
}
