package nhssm.report.content;

import java.util.List;
import nhssm.core.reconcile.Distribution;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.OptionCell;
import nhssm.core.stats.SuppressionRule;
import nhssm.core.survey.AnswerSpec;
import nhssm.report.document.Block;

/**
 * What a trust's report says about its individual respondents: how they answered the perception items and
 * their roles, both counted (never named) and both withheld below {@value Distribution#MIN_SHOWN} individuals,
 * so that no colleague can work out how a particular person answered.
 */
final class TrustIndividuals {

    private TrustIndividuals() {
    }

    /**
     * How the trust's individuals answered a scale item, kept whether or not the official return answered it,
     * because a gap between the official view and the staff view is itself worth seeing. Nothing when no
     * individual answered it.
     */
    static List<Block> answers(TrustInRound trust, ItemStatistics item) {
        if (!(item instanceof ItemStatistics.Scale scale) || trust.record().isEmpty()) {
            return List.of();
        }
        Distribution distribution = trust.record().get().distributions().get(item.question().id());
        if (distribution == null || distribution.answering() == 0) {
            return List.of();
        }
        String people = Figures.plural(distribution.answering(), "individual respondent", "individual respondents");
        if (!distribution.shown()) {
            return List.of(Block.Paragraph.of("How your " + people + " answered is withheld ("
                    + Figures.SUPPRESSED + "): " + SuppressionRule.INDIVIDUAL_RESPONSES.description()));
        }
        List<OptionCell> cells = trust.data().statistics().individualAnswers(item.question().id(), trust.ods());
        AnswerSpec.Likert likert = (AnswerSpec.Likert) scale.question().answer();
        List<Block.DataTable.Row> rows = cells.stream()
                .map(c -> Block.DataTable.Row.of(label(likert, c), Figures.count(c.cell())))
                .toList();
        return List.of(new Block.DataTable(item.question().id() + ": how your " + people
                + " answered (self-reported, counted separately from the official return)",
                List.of("Answer", "Individual respondents"), rows));
    }

    /** A scale point with its anchor ("4 Agree") or an extra answer's label ("Don't know"). */
    private static String label(AnswerSpec.Likert likert, OptionCell cell) {
        return likert.extraOptions().stream().anyMatch(o -> o.code().equals(cell.code()))
                ? cell.option().label()
                : ItemFigures.pointLabel(cell);
    }

    /** The trust's individual respondents by role; withheld below the threshold. */
    static List<Block> roles(TrustInRound trust) {
        int individuals = trust.record().map(r -> r.individualResponses()).orElse(0);
        if (individuals == 0) {
            return List.of();
        }
        if (individuals < SuppressionRule.INDIVIDUAL_RESPONSES.minimum()) {
            return List.of(Block.Paragraph.of("Roles of your individual respondents: withheld ("
                    + Figures.SUPPRESSED + "). " + SuppressionRule.INDIVIDUAL_RESPONSES.description()));
        }
        List<OptionCell> roles = trust.data().statistics().individualRoles(trust.ods());
        return List.of(new Block.DataTable("Your individual respondents by role (counts, never names)",
                List.of("Role", "Individual respondents"),
                roles.stream().map(r -> Block.DataTable.Row.of(r.option().label(), Figures.count(r.cell()))).toList()));
    }
}
