package nhssm.collect;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.store.SurveyStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenHash;
import nhssm.core.trust.TrustRegister;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.MalformedRequestException;
import nhssm.http.Problem;
import nhssm.http.SecurityHeaders;

/**
 * The collect function's routes, dispatched on the route key API Gateway matched, so the routes
 * here are exactly those of template.yaml. Anything a client can send ends as a 4xx; only the
 * database being unreachable gives a 503.
 */
public final class CollectApi {

    private static final System.Logger LOG = System.getLogger(CollectApi.class.getName());
    private static final String DEFINITION_ROUTE = "GET /api/rounds/{round}/definition";

    private final Authentication authentication;
    private final Responses responses;
    private final Invitations invitations;
    private final TokenAdmin tokenAdmin;
    private final DefinitionResource definitions = new DefinitionResource();
    private final SurveyForm surveyForm;
    private final Arrival arrival;
    private final SignOut signOut;
    private final SecureRandom random;

    public CollectApi(SurveyStore store, TrustRegister trusts, Clock clock, SecureRandom random,
            Optional<TokenHash> adminHash) {
        this.authentication = new Authentication(store, trusts, adminHash, clock);
        this.responses = new Responses(store, clock, random);
        this.invitations = new Invitations(store, trusts, clock, random);
        this.tokenAdmin = new TokenAdmin(store, trusts, clock);
        Visitors visitors = new Visitors(authentication, clock);
        this.surveyForm = new SurveyForm(store, visitors, clock, random);
        this.arrival = new Arrival(authentication, visitors, random);
        this.signOut = new SignOut(random);
        this.random = random;
    }

    public HttpResponse handle(HttpRequest request) {
        HttpResponse response = answer(request);
        if (isSurveyPage(request)) {
            return response; // pages carry their own headers (HtmlPages)
        }
        // The definition is public and cached on purpose; every other JSON answer carries answers or tokens, or is
        // a refusal that may repeat them.
        return DEFINITION_ROUTE.equals(request.routeKey()) && response.status() < 400
                ? SecurityHeaders.nosniff(response)
                : SecurityHeaders.privateJson(response);
    }

    private HttpResponse answer(HttpRequest request) {
        try {
            return route(request);
        } catch (MalformedRequestException e) {
            return isSurveyPage(request)
                    ? SurveyPages.malformed(e.getMessage(), SurveyPages.nonce(random))
                    : Problem.malformed(e.getMessage()).toResponse();
        } catch (StoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "store unavailable on " + request.routeKey() + ": " + e.getMessage());
            HttpResponse unavailable = isSurveyPage(request)
                    ? SurveyPages.unavailable(request, SurveyPages.nonce(random))
                    : Problems.unavailable().toResponse();
            return unavailable.withHeader("retry-after", "2");
        }
    }

    /** The browser's routes answer with pages, never JSON. */
    private static boolean isSurveyPage(HttpRequest request) {
        return String.valueOf(request.routeKey()).contains(" /survey/");
    }

    private HttpResponse route(HttpRequest request) {
        String routeKey = request.routeKey() == null ? "" : request.routeKey();
        return switch (routeKey) {
            case "GET /survey/{round}" -> inSurveyRound(request, definition -> request.queryParameter(Arrival.TOKEN)
                    .map(token -> arrival.open(request, definition, token))
                    .orElseGet(() -> surveyForm.show(request, definition)));
            case "POST /survey/{round}" -> inSurveyRound(request, definition -> surveyForm.post(request, definition));
            case "POST /survey/{round}/continue" -> inSurveyRound(request, definition -> arrival.proceed(request, definition));
            case "POST /survey/{round}/sign-out" -> inSurveyRound(request, definition -> signOut.post(request, definition));
            case "GET /survey/{round}/receipt" ->
                    inSurveyRound(request, definition -> surveyForm.receipt(request, definition));
            case DEFINITION_ROUTE ->
                    inRound(request, definition -> definitions.get(request, definition));
            case "POST /api/rounds/{round}/responses" ->
                    asRespondent(request, (definition, caller) -> responses.create(request, definition, caller));
            case "GET /api/rounds/{round}/responses/{id}" ->
                    asRespondent(request, (definition, caller) -> responses.read(request, definition, caller, id(request)));
            case "PUT /api/rounds/{round}/responses/{id}" ->
                    asRespondent(request, (definition, caller) -> responses.replace(request, definition, caller, id(request)));
            case "POST /api/rounds/{round}/staff-links" ->
                    asRespondent(request, invitations::createStaffLink);
            case "GET /api/rounds/{round}/staff-links" ->
                    asRespondent(request, tokenAdmin::listStaffLinks);
            case "POST /api/rounds/{round}/staff-links/{id}/revocation" ->
                    asRespondent(request, (definition, lead) -> tokenAdmin.revokeStaffLink(request, definition, lead, id(request)));
            case "POST /api/admin/rounds/{round}/invitations" ->
                    asAdmin(request, definition -> invitations.inviteLead(request, definition));
            case "GET /api/admin/rounds/{round}/trusts/{ods}/tokens" ->
                    asAdmin(request, definition -> tokenAdmin.listForAdmin(definition, ods(request)));
            case "POST /api/admin/rounds/{round}/trusts/{ods}/tokens/{id}/revocation" ->
                    asAdmin(request, definition -> tokenAdmin.revokeForAdmin(request, definition, ods(request), id(request)));
            // As API Gateway answers a route it does not have.
            default -> HttpResponse.json(404, "{\"message\":\"Not Found\"}");
        };
    }

    private HttpResponse inRound(HttpRequest request, Function<SurveyDefinition, HttpResponse> action) {
        String round = request.pathParameter("round").orElse("");
        return SurveyDefinitions.forRound(round)
                .map(action)
                .orElseGet(() -> Problems.unknownRound(round).toResponse());
    }

    private HttpResponse inSurveyRound(HttpRequest request, Function<SurveyDefinition, HttpResponse> action) {
        String round = request.pathParameter("round").orElse("");
        return SurveyDefinitions.forRound(round).map(action)
                .orElseGet(() -> SurveyPages.unknownRound(round, SurveyPages.nonce(random)));
    }

    private HttpResponse asRespondent(HttpRequest request,
            BiFunction<SurveyDefinition, Caller.Respondent, HttpResponse> action) {
        return inRound(request, definition -> switch (authentication.respondent(request, definition.round())) {
            case Caller.Respondent respondent -> action.apply(definition, respondent);
            case Caller.Refused refused -> withChallenge(refused.problem());
            case Caller.Admin a -> throw new IllegalStateException("a respondent check yields no admin");
        });
    }

    private HttpResponse asAdmin(HttpRequest request, Function<SurveyDefinition, HttpResponse> action) {
        return inRound(request, definition -> switch (authentication.admin(request)) {
            case Caller.Admin a -> action.apply(definition);
            case Caller.Refused r -> withChallenge(r.problem());
            case Caller.Respondent r -> throw new IllegalStateException("admin check yields no respondent");
        });
    }

    private static HttpResponse withChallenge(Problem problem) {
        HttpResponse response = problem.toResponse();
        return problem.status() == 401
                ? response.withHeader("www-authenticate", "Bearer realm=\"nhssm\", error=\"invalid_token\"")
                : response;
    }

    private static String id(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    private static String ods(HttpRequest request) {
        return request.pathParameter("ods").orElse("");
    }
}
