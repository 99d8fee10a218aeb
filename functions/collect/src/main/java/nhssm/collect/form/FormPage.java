package nhssm.collect.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.response.AnswerWords;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Restriction;
import nhssm.core.survey.Section;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.validation.AnswerError;

/**
 * The survey form, rendered from the survey definition: one heading per section, a fieldset with a legend
 * for every choice question, a label bound to every input, hints and error messages tied to their fields
 * with aria-describedby. The questions are the ones the respondent's link is asked; the trust comes from
 * the link and is shown, never asked. The field names are the question ids, so a plain form post is a
 * response body the collect function already accepts.
 */
public final class FormPage {

    /** Text longer than this is typed in a multi-line box. */
    private static final int SINGLE_LINE_MAX = 300;

    private FormPage() {
    }

    /**
     * What one rendering of the form shows.
     *
     * @param respondent who is answering: an official return is asked every question, a staff link fewer
     * @param values     what each field holds
     * @param errors     the refused answers, in the order the summary lists them (empty when none)
     * @param banners    messages above the form
     * @param hidden     hidden fields to send back (the CSRF token, the version being edited)
     * @param submitted  whether the response has been submitted already: it can then only be resubmitted
     */
    public record State(SurveyDefinition definition, Audience respondent, String trustName, FormValues values,
            List<AnswerError> errors, List<Banner> banners, Map<String, String> hidden, boolean submitted) {

        public State {
            errors = List.copyOf(errors);
            banners = List.copyOf(banners);
            hidden = Map.copyOf(hidden);
        }
    }

    public static String render(State state, String nonce) {
        Markup main = new Markup();
        List<Question> questions = state.definition().answerableBy(state.respondent());
        main.raw("<span class=\"caption\">").text(state.trustName()).raw("</span>\n");
        main.element("h1", "heading-xl", state.definition().title());
        state.banners().forEach(b -> BannerMarkup.write(main, b));
        if (!state.errors().isEmpty()) {
            errorSummary(main, state, questions);
        }
        main.element("p", "body", state.respondent() == Audience.OFFICIAL
                ? "You are completing your trust's official return. Answer for the trust as a whole."
                : "You are answering as a member of your trust's staff. Answer from what you know of "
                        + "the trust; \"Don't know\" is a useful answer.");
        main.element("p", "body", "Questions marked (optional) can be left blank. You can save your answers "
                + "and come back later through the same link.");
        main.raw("<form method=\"post\" novalidate").attribute("action", "/survey/" + state.definition().round())
                .raw(" accept-charset=\"utf-8\">\n");
        state.hidden().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(h -> main
                .raw("<input type=\"hidden\"").attribute("name", h.getKey()).attribute("value", h.getValue())
                .raw(">\n"));
        for (Section section : state.definition().sections()) {
            List<Question> inSection = questions.stream().filter(q -> q.section().equals(section.code())).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            main.raw("<h2 class=\"heading-l\"").attribute("id", "section-" + section.code()).raw(">")
                    .text(section.title()).raw("</h2>\n");
            inSection.forEach(q -> question(main, state, q));
        }
        main.raw("<div class=\"button-group\">\n");
        main.raw("<button type=\"submit\" class=\"button\" name=\"status\" value=\"SUBMITTED\">")
                .text(state.submitted() ? "Submit changes" : "Submit").raw("</button>\n");
        if (!state.submitted()) {
            main.raw("<button type=\"submit\" class=\"button button-secondary\" name=\"status\" value=\"DRAFT\">")
                    .text("Save and come back later").raw("</button>\n");
        }
        main.raw("</div>\n</form>\n");
        SignOutMarkup.write(main, state.definition().round(), state.hidden().get("csrf"));
        String title = (state.errors().isEmpty() ? "" : "Error: ") + state.definition().title();
        return Page.document(title, "", main.toString(), nonce);
    }

    private static void errorSummary(Markup main, State state, List<Question> questions) {
        main.raw("<div class=\"error-summary\" data-module=\"error-summary\" tabindex=\"-1\">\n")
                .raw("<div role=\"alert\">\n")
                .element("h2", "error-summary-title", "There is a problem")
                .raw("<ul class=\"error-summary-list\">\n");
        for (AnswerError error : state.errors()) {
            Optional<Question> question = questions.stream().filter(q -> q.id().equals(error.question())).findFirst();
            main.raw("<li>");
            if (question.isPresent()) {
                main.raw("<a").attribute("href", "#" + question.get().id()).raw(">")
                        .text(question.get().shortLabel() + ": " + error.message()).raw("</a>");
            } else {
                // Not a field of this form (a tampered or outdated page): named, with nothing to link to.
                main.text(error.question() + ": " + error.message());
            }
            main.raw("</li>\n");
        }
        main.raw("</ul>\n</div>\n</div>\n");
    }

    private static void question(Markup main, State state, Question q) {
        List<AnswerError> errors = state.errors().stream().filter(e -> e.question().equals(q.id())).toList();
        boolean required = q.required().appliesTo(state.respondent());
        String legend = q.label() + (required ? "" : " (optional)");
        List<String> describedBy = new ArrayList<>();
        q.hintText().ifPresent(h -> describedBy.add(q.id() + "-hint"));
        if (q.answer() instanceof AnswerSpec.FreeText) {
            describedBy.add(q.id() + "-info");
        }
        if (!errors.isEmpty()) {
            describedBy.add(q.id() + "-error");
        }
        main.raw("<div").attribute("class", "form-group" + (errors.isEmpty() ? "" : " form-group-error"));
        q.condition().ifPresent(r -> condition(main, r));
        main.raw(">\n");
        Field field = new Field(state, q, legend, describedBy, errors);
        switch (q.answer()) {
            case AnswerSpec.Single s -> choices(main, field, "radio", s.options(), List.of());
            case AnswerSpec.YesNo y -> choices(main, field, "radio", AnswerSpec.YesNo.OPTIONS, List.of());
            case AnswerSpec.Likert l -> choices(main, field, "radio", scale(l), l.extraOptions());
            case AnswerSpec.Multiple m -> choices(main, field, "checkbox",
                    m.options().stream().filter(o -> !m.exclusive().contains(o.code())).toList(),
                    m.options().stream().filter(o -> m.exclusive().contains(o.code())).toList());
            case AnswerSpec.WholeNumber w -> textInput(main, field, "numeric");
            case AnswerSpec.DecimalNumber d -> textInput(main, field, "decimal");
            case AnswerSpec.FreeText t -> freeText(main, field, t);
            case AnswerSpec.FromToken t -> throw new IllegalStateException("the trust is never asked: " + q.id());
        }
        main.raw("</div>\n");
    }

    /** Tells the script which answer to another question rules this one out, so it can hide what does not apply. */
    private static void condition(Markup main, Restriction r) {
        main.attribute("data-when-question", r.question())
                .attribute("data-when-in", String.join(" ", r.in()))
                .attribute("data-allowed", String.join(" ", r.allowed()));
    }

    private static List<Option> scale(AnswerSpec.Likert likert) {
        List<Option> points = new ArrayList<>();
        for (int point = likert.min(); point <= likert.max(); point++) {
            points.add(new Option(Integer.toString(point), AnswerWords.point(likert, point)));
        }
        return points;
    }

    /** One question being drawn: what it asks, what describes it, and its errors. */
    private record Field(State state, Question q, String legend, List<String> describedBy, List<AnswerError> errors) {
    }

    private static void choices(Markup main, Field field, String type, List<Option> options, List<Option> apart) {
        State state = field.state();
        Question q = field.q();
        main.raw("<fieldset class=\"fieldset\"");
        describe(main, field.describedBy());
        main.raw(">\n<legend class=\"fieldset-legend\">").text(field.legend()).raw("</legend>\n");
        hintAndErrors(main, q, field.errors());
        main.raw("<div").attribute("class", type + "es").raw(">\n");
        int index = 0;
        for (Option option : options) {
            choice(main, state, q, type, option, index++);
        }
        if (!apart.isEmpty()) {
            main.raw("<div class=\"divider\">or</div>\n");
            for (Option option : apart) {
                choice(main, state, q, type, option, index++);
            }
        }
        main.raw("</div>\n</fieldset>\n");
    }

    private static void choice(Markup main, State state, Question q, String type, Option option, int index) {
        // The first option carries the question's id, so the error summary's link lands on it.
        String id = index == 0 ? q.id() : q.id() + "-" + (index + 1);
        boolean checked = state.values().answered(q.id())
                ? state.values().has(q.id(), option.code())
                : q.answer() instanceof AnswerSpec.YesNo y && option.code().equals(y.defaultValue());
        main.raw("<div").attribute("class", type + "-item").raw(">")
                .raw("<input").attribute("class", type + "-input").attribute("id", id)
                .attribute("name", q.id()).attribute("type", type).attribute("value", option.code())
                .raw(checked ? " checked>" : ">")
                .raw("<label").attribute("class", type + "-label").attribute("for", id).raw(">")
                .text(option.label()).raw("</label></div>\n");
    }

    private static void textInput(Markup main, Field field, String inputMode) {
        Question q = field.q();
        label(main, q, field.legend());
        hintAndErrors(main, q, field.errors());
        main.raw("<input").attribute("class", "input input-width-5" + (field.errors().isEmpty() ? "" : " input-error"))
                .attribute("id", q.id()).attribute("name", q.id()).attribute("type", "text")
                .attribute("inputmode", inputMode).attribute("spellcheck", "false")
                .attribute("value", field.state().values().text(q.id()));
        describe(main, field.describedBy());
        main.raw(">\n");
    }

    private static void freeText(Markup main, Field field, AnswerSpec.FreeText spec) {
        Question q = field.q();
        State state = field.state();
        List<String> describedBy = field.describedBy();
        label(main, q, field.legend());
        hintAndErrors(main, q, field.errors());
        String cssClass = field.errors().isEmpty() ? "" : " input-error";
        if (spec.maxLength() > SINGLE_LINE_MAX) {
            main.raw("<textarea").attribute("class", "textarea" + cssClass).attribute("id", q.id())
                    .attribute("name", q.id()).attribute("rows", "6")
                    .attribute("data-maxlength", Integer.toString(spec.maxLength()));
            describe(main, describedBy);
            // HTML parsers drop a newline straight after the start tag: this one, so the text keeps its own.
            main.raw(">\n").text(state.values().text(q.id())).raw("</textarea>\n");
        } else {
            boolean email = spec.formatName().filter("email"::equals).isPresent();
            main.raw("<input").attribute("class", "input" + cssClass).attribute("id", q.id())
                    .attribute("name", q.id()).attribute("type", email ? "email" : "text")
                    .attribute("value", state.values().text(q.id()));
            if (email) {
                main.attribute("autocomplete", "email").attribute("spellcheck", "false");
            }
            describe(main, describedBy);
            main.raw(">\n");
        }
        main.raw("<p class=\"hint character-count\"").attribute("id", q.id() + "-info").raw(">")
                .text("You can enter up to " + String.format("%,d", spec.maxLength()) + " characters")
                .raw("</p>\n");
    }

    private static void label(Markup main, Question q, String legend) {
        main.raw("<label class=\"label\"").attribute("for", q.id()).raw(">").text(legend).raw("</label>\n");
    }

    private static void hintAndErrors(Markup main, Question q, List<AnswerError> errors) {
        q.hintText().ifPresent(hint -> main.raw("<p class=\"hint\"").attribute("id", q.id() + "-hint").raw(">")
                .text(hint).raw("</p>\n"));
        if (!errors.isEmpty()) {
            main.raw("<p class=\"error-message\"").attribute("id", q.id() + "-error").raw(">");
            for (AnswerError error : errors) {
                main.raw("<span class=\"visually-hidden\">Error: </span>").text(error.message()).raw("<br>");
            }
            main.raw("</p>\n");
        }
    }

    private static void describe(Markup main, List<String> describedBy) {
        if (!describedBy.isEmpty()) {
            main.attribute("aria-describedby", String.join(" ", describedBy));
        }
    }
}
