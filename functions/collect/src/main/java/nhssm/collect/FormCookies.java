package nhssm.collect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nhssm.http.HttpRequest;
import nhssm.http.TokenCookie;

/**
 * The cookies that make a staff link's response this browser's own: the writer's secret (made when the form
 * is first shown, so that even the first post's retry is the same writer's) and the id of the response it
 * started. A browser without the secret cannot read or change the response, whoever has the link.
 */
final class FormCookies {

    private FormCookies() {
    }

    static String writerName(String round) {
        return TokenCookie.HOST_PREFIX + "nhssm-writer-" + round;
    }

    static String responseName(String round) {
        return TokenCookie.HOST_PREFIX + "nhssm-response-" + round;
    }

    static Optional<String> writerSecret(HttpRequest request, String round) {
        return request.cookie(writerName(round)).filter(WriterSecret::isWellFormed);
    }

    static Optional<String> responseId(HttpRequest request, String round) {
        return request.cookie(responseName(round)).filter(SurveyForm::isResponseId);
    }

    static String setWriter(String round, String secret, Duration life) {
        return TokenCookie.attributes(writerName(round) + "=" + secret, life);
    }

    static String setResponse(String round, String id, Duration life) {
        return TokenCookie.attributes(responseName(round) + "=" + id, life);
    }

    /** Everything the survey keeps in a browser, forgotten: on sign-out. */
    static List<String> clearAll(String round) {
        return List.of(TokenCookie.clear(round), setWriter(round, "", Duration.ZERO), setResponse(round, "", Duration.ZERO));
    }
}
