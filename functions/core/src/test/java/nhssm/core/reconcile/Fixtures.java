package nhssm.core.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;

/** Stored responses of one trust, built answer by answer, and the 2026 definition they are reconciled with. */
final class Fixtures {

    static final String ROUND = "2026";
    static final String ODS = "RJ1";
    static final long WATERMARK = 7;
    static final SurveyDefinition SURVEY_2026 = SurveyDefinitions.forRound(ROUND).orElseThrow();

    /** Minute 0 of the fixtures' clock, inside the 2026 window. */
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

    private Fixtures() {
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** The trust's official return, started at {@code minute} and (unless told otherwise) submitted then. */
    static Response official(String id, int minute) {
        return new Response(ResponseKind.OFFICIAL, id, minute);
    }

    /** An individual staff response, started at {@code minute} and (unless told otherwise) submitted then. */
    static Response individual(String id, int minute) {
        return new Response(ResponseKind.INDIVIDUAL, id, minute);
    }

    static TrustRecord reconcile(StoredResponse... responses) {
        return Reconciliation.reconcile(SURVEY_2026, List.of(responses), WATERMARK);
    }

    static TrustRecord reconcile(SurveyDefinition definition, StoredResponse... responses) {
        return Reconciliation.reconcile(definition, List.of(responses), WATERMARK);
    }

    /**
     * The 2026 definition with the given official-only questions asked of everyone, so that
     * individuals can answer numbers (Q07, Q21, Q22, Q30) and a yes/no question (Q05). The real staff
     * link never shows them; reconciliation is defined for them all the same.
     */
    static SurveyDefinition surveyAskingEveryone(String... questionIds) {
        Set<String> widened = Set.of(questionIds);
        List<Question> questions = SURVEY_2026.questions().stream()
                .map(q -> widened.contains(q.id())
                        ? new Question(q.id(), q.section(), q.label(), q.shortLabel(), q.hint(), Audience.ALL,
                                q.required(), q.perception(), q.restriction(), q.answer())
                        : q)
                .toList();
        return new SurveyDefinition(SURVEY_2026.round(), SURVEY_2026.definitionVersion(), SURVEY_2026.title(),
                SURVEY_2026.window(), SURVEY_2026.censusDate(), SURVEY_2026.namedReportConsent(), SURVEY_2026.sections(),
                questions);
    }

    static Answer.Code code(String code) {
        return new Answer.Code(code);
    }

    static Answer.Codes codes(String... codes) {
        return new Answer.Codes(List.of(codes));
    }

    static Answer.DecimalNumber decimal(String value) {
        return new Answer.DecimalNumber(new BigDecimal(value));
    }

    /** A response being built; submitted at its start minute unless {@link #draft()} or {@link #updatedAt(int)} say otherwise. */
    static final class Response {

        private final ResponseKind kind;
        private final String id;
        private final Instant createdAt;
        private final Map<String, Answer> answers = new LinkedHashMap<>();
        private ResponseStatus status = ResponseStatus.SUBMITTED;
        private Instant updatedAt;
        private long version = 1;

        private Response(ResponseKind kind, String id, int minute) {
            this.kind = kind;
            this.id = id;
            this.createdAt = at(minute);
            this.updatedAt = createdAt;
        }

        Response code(String question, String code) {
            return answer(question, new Answer.Code(code));
        }

        Response codes(String question, String... codes) {
            return answer(question, new Answer.Codes(Arrays.asList(codes)));
        }

        Response whole(String question, long value) {
            return answer(question, new Answer.WholeNumber(value));
        }

        Response decimal(String question, String value) {
            return answer(question, Fixtures.decimal(value));
        }

        Response point(String question, int value) {
            return answer(question, new Answer.ScalePoint(value));
        }

        Response text(String question, String text) {
            return answer(question, new Answer.Text(text));
        }

        Response answer(String question, Answer answer) {
            answers.put(question, answer);
            return this;
        }

        Response draft() {
            status = ResponseStatus.DRAFT;
            return this;
        }

        /** Last changed (for a submitted response: last submitted) at {@code minute}, as version 2. */
        Response updatedAt(int minute) {
            updatedAt = at(minute);
            version = 2;
            return this;
        }

        StoredResponse build() {
            return build(ODS);
        }

        StoredResponse build(String odsCode) {
            Instant submittedAt = status == ResponseStatus.SUBMITTED ? createdAt : null;
            return new StoredResponse(new ResponseKey(ROUND, odsCode, id), kind, status, version,
                    SURVEY_2026.definitionVersion(), new Answers(answers), createdAt, updatedAt, submittedAt);
        }
    }
}
