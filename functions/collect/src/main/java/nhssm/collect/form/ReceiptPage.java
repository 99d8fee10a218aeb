package nhssm.collect.form;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nhssm.core.response.AnswerWords;
import nhssm.core.response.Answers;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Question;
import nhssm.core.survey.RoundWindow;
import nhssm.core.survey.Section;
import nhssm.core.survey.SurveyDefinition;

/**
 * The confirmation after a submission: a reference to quote, when it was submitted, every answer as the
 * service stored it (so the respondent can check it), and what to do next. A lead also gets the trust's
 * report and a way to change the return while the round is open.
 */
public final class ReceiptPage {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    private ReceiptPage() {
    }

    /**
     * What the receipt shows.
     *
     * @param reference   the reference to quote to the census team
     * @param submittedAt when the response was first submitted
     * @param changedAt   when it last changed
     * @param reportPath  the trust's report, for a lead; null for a staff response
     * @param canEdit     whether the round is still open for changes
     * @param signOutCsrf the CSRF field of the sign-out button
     */
    public record Receipt(SurveyDefinition definition, Audience respondent, String trustName, String odsCode,
            String reference, Instant submittedAt, Instant changedAt, Answers answers, String reportPath,
            boolean canEdit, String signOutCsrf) {
    }

    public static String render(Receipt receipt, String nonce) {
        SurveyDefinition definition = receipt.definition();
        boolean official = receipt.respondent() == Audience.OFFICIAL;
        Markup main = new Markup();
        main.raw("<div class=\"panel\">\n")
                .element("h1", "panel-title", official ? "Official return submitted" : "Response submitted")
                .raw("<p class=\"panel-body\">").text("Your reference ").raw("<br><strong id=\"reference\">")
                .text(receipt.reference()).raw("</strong></p>\n</div>\n");
        main.element("p", "body", "For " + receipt.trustName() + " (" + receipt.odsCode() + ").");
        String changed = receipt.changedAt().equals(receipt.submittedAt())
                ? "."
                : "; last changed on " + when(receipt.changedAt()) + ".";
        main.raw("<p class=\"body\" id=\"submitted-at\">")
                .text("Submitted on " + when(receipt.submittedAt()) + " (UK time)" + changed).raw("</p>\n");
        main.element("h2", "heading-m", "What happens next");
        if (official) {
            main.element("p", "body", "Your trust's report is built from its returns as they arrive, and shows "
                    + "where each of its values came from so that you can check them.");
            main.raw("<p class=\"body\"><a class=\"link\" id=\"report-link\"")
                    .attribute("href", receipt.reportPath() + ".pdf")
                    .raw(">").text("Download your trust's report (PDF)").raw("</a> or ")
                    .raw("<a class=\"link\" id=\"report-html-link\"").attribute("href", receipt.reportPath() + ".html")
                    .raw(">").text("read it as a web page").raw("</a>.</p>\n");
        } else {
            main.element("p", "body", "Your answers count towards your trust's record. They are never shown "
                    + "with your role or in a way that identifies you.");
        }
        if (receipt.canEdit()) {
            main.raw("<p class=\"body\"><a class=\"link\" id=\"edit-link\"")
                    .attribute("href", "/survey/" + definition.round()).raw(">")
                    .text("Change your answers").raw("</a>")
                    .text(" until the round closes at " + closing(definition.window()) + ".").raw("</p>\n");
        }
        main.element("h2", "heading-m", "Your answers");
        List<Question> questions = definition.answerableBy(receipt.respondent());
        for (Section section : definition.sections()) {
            List<Question> inSection = questions.stream().filter(q -> q.section().equals(section.code())).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            main.element("h3", "heading-s", section.title());
            main.raw("<dl class=\"summary-list\">\n");
            for (Question q : inSection) {
                main.raw("<div class=\"summary-row\">").element("dt", "summary-key", q.shortLabel());
                main.raw("<dd class=\"summary-value\">").text(receipt.answers().get(q.id())
                        .map(a -> AnswerWords.of(q, a)).orElse("Not answered")).raw("</dd></div>\n");
            }
            main.raw("</dl>\n");
        }
        SignOutMarkup.write(main, definition.round(), receipt.signOutCsrf());
        return Page.document(official ? "Official return submitted" : "Response submitted", "", main.toString(), nonce);
    }

    /** When a round closes, as people read it: "the end of 31 January 2027" for a close at midnight. */
    public static String closing(RoundWindow window) {
        ZonedDateTime close = window.closesAt().atZone(UK);
        return close.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? "the end of " + DAY.format(close.minusDays(1))
                : when(window.closesAt());
    }

    /** A moment as people in England read it: "1 February 2027 at 12:00am". */
    public static String when(Instant instant) {
        return WHEN.format(instant.atZone(UK)).replace("AM", "am").replace("PM", "pm");
    }
}
