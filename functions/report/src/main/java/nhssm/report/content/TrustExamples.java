package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import nhssm.core.reconcile.FreeText;
import nhssm.core.response.ResponseKind;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Question;
import nhssm.report.document.Block;

/**
 * "Your examples and comments": what the trust's respondents wrote that the report's audience may read (the
 * survey definition's {@code readers} of each question, and the writer's consent for the public), verbatim and
 * never merged, under the question it answers. Each text says whether it came from the official return or an
 * individual response and whether it may be quoted, never who wrote it. Only this trust's own record is read, so
 * no other trust's words can appear.
 */
final class TrustExamples {

    static final String TITLE = "Your examples and comments";
    static final String PUBLISHED_TITLE = "Examples quoted with consent";

    private TrustExamples() {
    }

    static Block.Section section(TrustInRound trust, ReportAudience audience) {
        List<FreeText> texts = trust.record().map(r -> r.freeText()).orElse(List.of()).stream()
                .filter(t -> readable(trust, audience, t)).toList();
        String title = audience == ReportAudience.PUBLIC ? PUBLISHED_TITLE : TITLE;
        List<Block> blocks = new ArrayList<>();
        if (texts.isEmpty()) {
            blocks.add(Block.Paragraph.of(!trust.responded()
                    ? "Your trust did not respond, so there are no examples or comments to show."
                    : audience == ReportAudience.PUBLIC ? "No example from this trust may be quoted."
                    : "Your respondents wrote no examples or comments."));
            return new Block.Section(title, blocks);
        }
        blocks.add(Block.Paragraph.of(switch (audience) {
            case TRUST -> "What your respondents wrote, exactly as they typed it, in any language. It is shown to your "
                    + "trust only; each text says whether it came from the official return or an individual response, "
                    + "never who wrote it.";
            case PUBLIC -> "Examples the trust's respondents agreed to have quoted, exactly as they typed them, in any "
                    + "language; each says whether it came from the official return or an individual response, never "
                    + "who wrote it. Comments and examples not agreed for quoting are left out.";
        }));
        for (Question question : trust.data().definition().questions()) {
            if (!(question.answer() instanceof AnswerSpec.FreeText spec)) {
                continue;
            }
            List<FreeText> answers = texts.stream().filter(t -> t.question().equals(question.id())).toList();
            if (answers.isEmpty()) {
                continue;
            }
            List<Block> part = new ArrayList<>();
            part.add(Block.Paragraph.of(ItemFigures.asked(question)));
            for (int i = 0; i < answers.size(); i++) {
                FreeText text = answers.get(i);
                part.add(Block.Paragraph.of("Text " + (i + 1) + " of " + answers.size() + ", from "
                        + (text.from() == ResponseKind.OFFICIAL ? "the official return" : "an individual response")
                        + "; " + publication(spec, text) + ":"));
                part.addAll(TrustFreeText.paragraphs(text.text()));
            }
            blocks.add(new Block.Section(question.shortLabel(), part));
        }
        return new Block.Section(title, blocks);
    }

    /**
     * What the published copy leaves out, in words, from the definition: "the answers to “Comments …” and the
     * answers to “One example …” whose writers did not agree to their quoting".
     */
    static String leftOutOfPublication(RoundData data) {
        List<String> parts = new ArrayList<>();
        for (Question question : data.definition().questions()) {
            if (question.answer() instanceof AnswerSpec.FreeText spec) {
                String answers = "the answers to \u201C" + question.shortLabel() + "\u201D";
                if (!ReportAudience.PUBLIC.mayReadAny(spec)) {
                    parts.add(answers);
                } else if (spec.consentQuestion() != null) {
                    parts.add(answers + " whose writers did not agree to their quoting");
                }
            }
        }
        return parts.isEmpty() ? "none of what respondents wrote" : ItemFigures.joined(parts);
    }

    /** A text of a question the definition still has, which the audience may read. */
    private static boolean readable(TrustInRound trust, ReportAudience audience, FreeText text) {
        return trust.data().definition().question(text.question())
                .filter(q -> q.answer() instanceof AnswerSpec.FreeText spec && audience.mayRead(spec, text))
                .isPresent();
    }

    private static String publication(AnswerSpec.FreeText spec, FreeText text) {
        if (!ReportAudience.PUBLIC.mayReadAny(spec)) {
            return "never published word for word";
        }
        return text.consentToQuote()
                ? "may be quoted in published reports, attributed to the trust and never to a person"
                : "will not be quoted, because the same response did not agree to it";
    }
}
