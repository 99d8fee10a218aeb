package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.survey.Question;
import nhssm.report.document.Block;

/**
 * The data verification annex: every value in the trust's reconciled record, in the order of the questionnaire,
 * with where it came from (OFFICIAL, MAJORITY, MEDIAN or CONFLICT), so that the trust can check each one and
 * correct it through the survey. Questions it left unanswered are listed too, since a gap is worth checking as well.
 */
final class TrustVerificationAnnex {

    static final String TITLE = "Data verification annex";

    private TrustVerificationAnnex() {
    }

    static Block.Section section(TrustInRound trust) {
        List<Block> blocks = new ArrayList<>();
        if (trust.record().isEmpty()) {
            blocks.add(Block.Paragraph.of("Your trust did not respond, so its record holds no answers to verify."));
            return new Block.Section(TITLE, blocks);
        }
        blocks.add(Block.Paragraph.of("Every answer in your trust's record, as reconciled from its responses, with "
                + "where it came from. OFFICIAL: the official return. MAJORITY: the answer most of the individual "
                + "responses gave (for a list of options, each option most of them chose). MEDIAN: the middle value of "
                + "the individual responses' numbers or scale points. CONFLICT: individual responses disagreed with no "
                + "majority; the question is left out of the comparisons until it is resolved."));
        blocks.add(Block.Paragraph.of("To correct an answer, change it through the survey while the census is open: "
                + "the trust's lead through the official return link, or respondents through their own links. The "
                + "record, and this report, are worked out again from the corrected responses."));
        List<Block.DataTable.Row> rows = new ArrayList<>();
        for (ItemStatistics item : trust.data().statistics().items()) {
            Question question = item.question();
            String header = question.id() + " " + question.shortLabel();
            rows.add(trust.value(question.id())
                    .map(v -> Block.DataTable.Row.of(header, value(question, v), TrustAnswer.provenance(v)))
                    .orElseGet(() -> Block.DataTable.Row.of(header, "Not answered", "No response answered it")));
        }
        blocks.add(new Block.DataTable("Your trust's reconciled answers, in the order of the questionnaire, and "
                + "where each came from", List.of("Question", "Your trust's value", "Where it came from"), rows));
        return new Block.Section(TITLE, blocks);
    }

    private static String value(Question question, Reconciled value) {
        return value instanceof Reconciled.Conflict c
                ? "No agreed value: " + TrustAnswer.conflict(question, c)
                : TrustAnswer.words(question, value);
    }
}
