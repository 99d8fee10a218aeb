package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.stats.Group;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.QuartileBand;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SummaryCell;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Section;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;

/**
 * The trust's self-assessed maturity profile beside its peers: each dimension of the profile section on its own
 * row, the trust's point as a dot on its peer group's spread. The dimensions are shown side by side and never
 * added together, because any weighting would be arbitrary and one number would hide which dimension needs
 * attention.
 */
final class TrustMaturityProfile {

    static final String TITLE = "Maturity profile";

    private TrustMaturityProfile() {
    }

    static Block.Section section(TrustInRound trust, Section profile) {
        List<ItemStatistics> dimensions = trust.items(profile);
        List<Block> blocks = new ArrayList<>();
        String scale = dimensions.stream().map(d -> d.question().answer())
                .filter(AnswerSpec.Likert.class::isInstance).map(a -> TrustAnswer.scale((AnswerSpec.Likert) a))
                .findFirst().orElse("");
        blocks.add(Block.Paragraph.of("How your trust assessed its own social media practice (self-reported) on "
                + Figures.plural(dimensions.size(), "dimension", "dimensions") + ", each " + scale + ", beside "
                + trust.comparedWith() + ". The dimensions are shown side by side and never added "
                + "together: there is no overall maturity score."));
        if (!trust.responded()) {
            blocks.add(Block.Paragraph.of("Your trust did not respond, so only the figures of other trusts are shown."));
        }

        List<Block.DataTable.Row> rows = new ArrayList<>();
        List<Chart.BandPositions.Position> positions = new ArrayList<>();
        for (ItemStatistics item : dimensions) {
            String id = item.question().id();
            Optional<Reconciled> value = trust.value(id);
            String yours = !trust.responded() ? "No response"
                    : value.map(v -> v instanceof Reconciled.Conflict ? "No agreed answer (conflict)"
                            : TrustAnswer.words(item.question(), v)).orElse("Not answered");
            String band = trust.responded()
                    ? TrustComparison.bandWords(trust, trust.data().statistics().quartileBand(id, trust.ods()))
                    : "Not placed: no response";
            Optional<SummaryCell> peerCell = trust.peers().map(p -> TrustComparison.summary(item, p));
            rows.add(Block.DataTable.Row.of(item.question().shortLabel(), yours, band,
                    peerCell.map(TrustComparison::spread).orElse("No peer group"),
                    TrustComparison.spread(TrustComparison.summary(item, Group.NATIONAL))));
            Optional<Chart.BandPositions.Spread> spread = peerCell.filter(Summary.class::isInstance)
                    .map(c -> (Summary) c)
                    .map(s -> new Chart.BandPositions.Spread(s.min().doubleValue(), s.lowerQuartile().doubleValue(),
                            s.median().doubleValue(), s.upperQuartile().doubleValue(), s.max().doubleValue()));
            positions.add(new Chart.BandPositions.Position(item.question().shortLabel(), spread,
                    value.flatMap(TrustAnswer::number), "Your trust: " + yours + "; " + band));
        }
        String peerHeader = trust.peers().map(p -> p.label() + ": median; middle half").orElse("Peer group");
        Block.DataTable table = new Block.DataTable("Maturity profile: your trust beside " + trust.comparedWith()
                + " (self-reported)",
                List.of("Dimension", "Your trust", "Quartile band", peerHeader, "All trusts: median; middle half"), rows);
        if (positions.stream().anyMatch(p -> p.spread().isPresent())) {
            blocks.add(new Block.Figure("Chart of the " + Figures.plural(dimensions.size(), "maturity dimension",
                    "maturity dimensions") + ", one row each: for each, a line from the smallest to the largest "
                    + "point of " + trust.peersInSentence() + ", a box over their middle half, a mark at their median "
                    + "and a dot for your trust. " + summary(rows), "Maturity profile: your trust among "
                    + trust.peersInSentence() + " (self-reported)", new Chart.BandPositions(positions), table));
        } else {
            blocks.add(table);
        }
        for (ItemStatistics item : dimensions) {
            blocks.addAll(TrustIndividuals.answers(trust, item));
        }
        blocks.add(Block.Paragraph.of("When an earlier round of the census exists, its profile is shown here beside "
                + "this one; this report has no earlier round to compare with."));
        return new Block.Section(TITLE, blocks);
    }

    /** The key message: each dimension's value and band, in the profile's order. */
    private static String summary(List<Block.DataTable.Row> rows) {
        return "Your trust: " + String.join("; ", rows.stream()
                .map(r -> r.header() + " " + r.cells().get(0) + ", " + r.cells().get(1)).toList()) + ".";
    }
}
