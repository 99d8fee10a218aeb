package nhssm.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What docs/API.md says a refused request gets, as a check on each answer: a problem document of a listed
 * type with that type's status on the JSON and report routes, an HTML page with a listed status on the survey
 * pages, or API Gateway's own answer where no route matches or a body is over its limit. Never a 5xx.
 */
final class DocumentedAnswers {

    /** The problem types of API.md's error table that a request's input can cause, with their status. */
    static final Map<String, Integer> PROBLEM_STATUS = Map.ofEntries(
            Map.entry("/problems/malformed-request", 400),
            Map.entry("/problems/unauthenticated", 401),
            Map.entry("/problems/forbidden", 403),
            Map.entry("/problems/round-closed", 403),
            Map.entry("/problems/limit-reached", 403),
            Map.entry("/problems/not-found", 404),
            Map.entry("/problems/official-return-exists", 409),
            Map.entry("/problems/stale-version", 412),
            Map.entry("/problems/body-too-large", 413),
            Map.entry("/problems/unsupported-media-type", 415),
            Map.entry("/problems/invalid-answers", 422),
            Map.entry("/problems/idempotency-key-reused", 422),
            Map.entry("/problems/version-required", 428));

    /** The refusals API.md lists for the pages, and 404, a "Page not found" page for an unknown round. */
    static final Set<Integer> SURVEY_PAGE_REFUSALS = Set.of(400, 401, 403, 404, 409, 413, 415, 422);

    /** API Gateway's body limit: a request over it never reaches a function. */
    static final int GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;

    private DocumentedAnswers() {
    }

    /** How a route answers: JSON problems or HTML pages, and what it may accept. */
    enum Route {
        DEFINITION(false, false, Set.of(200, 304)),
        CREATE_RESPONSE(false, true, Set.of()),
        READ_RESPONSE(false, false, Set.of(200)),
        REPLACE_RESPONSE(false, true, Set.of()),
        STAFF_LINK(false, true, Set.of()),
        INVITATION(false, true, Set.of()),
        SURVEY_FORM(true, false, Set.of(200, 303)),
        SURVEY_POST(true, true, Set.of()),
        SURVEY_RECEIPT(true, false, Set.of(200, 303)),
        NATIONAL_REPORT(false, false, Set.of(200, 304)),
        TRUST_REPORT(false, false, Set.of(200, 304)),
        NO_ROUTE(false, false, Set.of());

        final boolean pages;
        final boolean writes;
        /** What the route may answer with success: never anything, for a write, to a request meant to be refused. */
        final Set<Integer> successes;

        Route(boolean pages, boolean writes, Set<Integer> successes) {
            this.pages = pages;
            this.writes = writes;
            this.successes = successes;
        }
    }

    /** What is wrong with {@code response} to {@code request} on {@code route}, if anything. */
    static Optional<String> violation(Route route, RawHttp.Request request, RawHttp.Response response) {
        int status = response.status();
        if (status == 0) {
            return Optional.of("no answer: the connection closed without a status line");
        }
        if (status >= 500) {
            return Optional.of("a server error " + status + ": " + abbreviated(response.text()));
        }
        if (response.header("x-injected").isPresent()) {
            return Optional.of("a header was injected into the response: " + response.headers());
        }
        if (status < 400) {
            return route.successes.contains(status) ? Optional.empty()
                    : Optional.of("accepted (" + status + ") although meant to be refused: " + abbreviated(response.text()));
        }
        if (gatewayAnswer(status, request, response)) {
            return Optional.empty();
        }
        if (route.pages) {
            if (!response.contentType().startsWith("text/html")) {
                return Optional.of("a survey page answered " + status + " as " + response.contentType());
            }
            return SURVEY_PAGE_REFUSALS.contains(status) ? Optional.empty()
                    : Optional.of("a survey page answered " + status + ", which API.md does not list");
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return Optional.of(status + " as " + response.contentType() + ", not a problem: " + abbreviated(response.text()));
        }
        String type = RunningSystem.json(response).path("type").asText();
        Integer documented = PROBLEM_STATUS.get(type);
        if (documented == null || documented != status) {
            return Optional.of(status + " with problem type '" + type + "', which API.md does not list with that status");
        }
        return Optional.empty();
    }

    /** API Gateway's own {@code {"message": …}}: no such route, or a body over its limit. */
    private static boolean gatewayAnswer(int status, RawHttp.Request request, RawHttp.Response response) {
        if (!response.contentType().startsWith("application/json")) {
            return false;
        }
        JsonNode body = RunningSystem.json(response);
        String message = body.path("message").asText();
        return status == 404 && message.equals("Not Found")
                || status == 413 && message.equals("Request Entity Too Large")
                        && request.body().length > GATEWAY_BODY_LIMIT;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
