package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.survey.Question;
import nhssm.core.survey.Section;
import nhssm.report.document.Block;
import nhssm.report.document.Span;

/**
 * "Your responses": whether the trust sent an official return, how many individual responses it had (counts
 * only; roles only from five individuals), the dates, its other answers about the return, and the conflicts
 * it has to resolve, with what the answers were but never who gave them.
 */
final class TrustResponses {

    static final String TITLE = "Your responses";
    static final String CONFLICTS = "Conflicts to resolve";

    private TrustResponses() {
    }

    static Block.Section section(TrustInRound trust, Section identity) {
        List<Block> blocks = new ArrayList<>();
        RoundData data = trust.data();
        // The window closes at the start of its closing instant, so its last day is the day before.
        String window = "The census was open from " + Figures.date(data.definition().window().opensAt())
                + " to " + Figures.date(data.definition().window().closesAt().minusNanos(1)) + ".";
        if (trust.record().isEmpty()) {
            blocks.add(Block.Paragraph.of("Your trust did not respond in this round: the census received no official "
                    + "return and no individual responses from it. The rest of this report shows the figures of "
                    + trust.peers().map(p -> ItemFigures.inSentence(p) + " and of all trusts").orElse("all trusts")
                    + ", so that you can see what other trusts reported."));
            blocks.add(Block.Paragraph.of(window));
            return new Block.Section(TITLE, blocks);
        }
        TrustRecord record = trust.record().get();
        blocks.add(Block.Paragraph.of(record.hasOfficialReturn()
                ? "Official return: yes, last submitted on " + Figures.date(record.officialSubmittedAt()) + "."
                : "Official return: no. Your trust's values come from its individual responses: the answer most of "
                        + "them gave, or the middle value of their numbers and scale points."));
        blocks.add(Block.Paragraph.of("Individual responses: " + record.individualResponses() + "."));
        blocks.addAll(TrustIndividuals.roles(trust));
        if (record.lastResponseAt() != null) {
            blocks.add(Block.Paragraph.of("Latest change to any of your responses: "
                    + Figures.date(record.lastResponseAt()) + ". " + window));
        } else {
            blocks.add(Block.Paragraph.of(window));
        }
        if (identity != null) {
            List<Block.DataTable.Row> rows = new ArrayList<>();
            for (ItemStatistics item : trust.items(identity)) {
                Question question = item.question();
                rows.add(Block.DataTable.Row.of(question.shortLabel(), trust.value(question.id())
                        .map(v -> TrustAnswer.words(question, v)).orElse("Not answered")));
            }
            if (!rows.isEmpty()) {
                blocks.add(new Block.DataTable("About your return", List.of("Question", "Your answer"), rows));
            }
        }
        blocks.add(conflicts(trust, record));
        return new Block.Section(TITLE, blocks);
    }

    /** Every question whose individual answers had no majority, in definition order. */
    private static Block.Section conflicts(TrustInRound trust, TrustRecord record) {
        List<List<Span>> items = new ArrayList<>();
        for (Question question : trust.data().definition().questions()) {
            if (record.values().get(question.id()) instanceof Reconciled.Conflict conflict) {
                items.add(List.of(Span.of(question.id() + " " + question.shortLabel() + ": "
                        + TrustAnswer.conflict(question, conflict))));
            }
        }
        if (items.isEmpty()) {
            return Block.Section.of(CONFLICTS, Block.Paragraph.of("None: every question your trust answered has an "
                    + "agreed value."));
        }
        return Block.Section.of(CONFLICTS,
                Block.Paragraph.of(Figures.plural(items.size(), "question has", "questions have")
                        + " no agreed value, because your individual respondents gave different answers with no "
                        + "majority. These answers are left out of every comparison until they are resolved."),
                new Block.ItemList(items),
                Block.Paragraph.of("To resolve a conflict, the trust's lead can answer the question in the official "
                        + "return, whose answer is the trust's value, or respondents can revise their own "
                        + "responses through their links while the census is open."));
    }
}
