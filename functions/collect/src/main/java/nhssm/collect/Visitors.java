package nhssm.collect;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import nhssm.core.survey.SurveyDefinition;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.TokenCookie;

/**
 * The visitor of a survey page, from the token cookie: a page for them, or a page saying why the link no
 * longer works (unknown, expired, replaced, withdrawn), which also makes the browser forget it.
 */
final class Visitors {

    static final Duration COOKIE_LIFE = Duration.ofDays(30);

    private final Authentication authentication;
    private final Clock clock;

    Visitors(Authentication authentication, Clock clock) {
        this.authentication = authentication;
        this.clock = clock;
    }

    HttpResponse with(HttpRequest request, SurveyDefinition definition, String nonce,
            Function<Visitor, HttpResponse> action) {
        Optional<String> token = TokenCookie.read(request, definition.round());
        if (token.isEmpty()) {
            return SurveyPages.notOpened(request, definition.round(), nonce);
        }
        return switch (authentication.respondent(token.get(), definition.round())) {
            case Caller.Respondent r -> action.apply(new Visitor(r, token.get()));
            case Caller.Refused refused -> SurveyPages.unusableLink(refused, nonce)
                    .withCookie(TokenCookie.clear(definition.round()));
            case Caller.Admin a -> throw new IllegalStateException("a respondent check yields no admin");
        };
    }

    /**
     * How long a browser keeps the link: long enough to come back to a draft, short enough that a shared
     * computer does not hold a lead's access for the year after the round; opening the link renews it.
     */
    Duration cookieLife(Caller.Respondent respondent) {
        Duration untilExpiry = Duration.between(clock.instant(), respondent.grant().expiresAt());
        return untilExpiry.compareTo(COOKIE_LIFE) < 0 ? untilExpiry : COOKIE_LIFE;
    }
}
