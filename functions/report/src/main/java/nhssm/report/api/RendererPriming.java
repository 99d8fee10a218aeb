package nhssm.report.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.TrustRegister;
import nhssm.report.content.NationalReport;
import nhssm.report.content.RoundData;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;
import nhssm.report.document.Span;
import nhssm.report.html.HtmlReportWriter;
import nhssm.report.pdf.TaggedPdfWriter;
import org.crac.Context;
import org.crac.Resource;

/**
 * Uses the report code once, on a daemon thread, while the function starts: nearly all of a fresh JVM's
 * time to its first report is the first use of code (the PDF writer, PDFBox and the fonts; Jackson's data
 * binding for the survey definition; the content classes), not work on data. Started at init, it runs
 * while the main thread builds the database client and, on the first request, queries the records.
 *
 * <p>It renders a small fixed document holding every kind of block and chart (no survey data) to PDF and
 * HTML, then loads every round's definition and the reference list and builds each round's national
 * document from no records. The renderers keep no state between documents, so a request rendered
 * meanwhile is unaffected. A failure is logged and otherwise ignored: priming never fails a request.
 *
 * <p>As a CRaC resource (the runtime hooks of Lambda SnapStart), it makes the snapshot wait for it, so the
 * snapshot holds the primed code.
 */
public final class RendererPriming implements Resource {

    private static final System.Logger LOG = System.getLogger(RendererPriming.class.getName());
    /** Far above a priming's second or so; only a stuck thread would reach it, and a snapshot must not wait forever. */
    private static final Duration CHECKPOINT_WAIT = Duration.ofSeconds(30);

    private final Thread thread;

    private RendererPriming(Thread thread) {
        this.thread = thread;
    }

    /** Starts priming on a new daemon thread (it never keeps the JVM alive) and returns at once. */
    public static RendererPriming start() {
        Thread thread = Thread.ofPlatform().name("renderer-priming").daemon().unstarted(RendererPriming::primeOrLog);
        thread.start();
        return new RendererPriming(thread);
    }

    /** Waits for the priming to end, at most {@code limit}; true when it has ended. */
    public boolean await(Duration limit) throws InterruptedException {
        return thread.join(limit);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        if (!await(CHECKPOINT_WAIT)) {
            LOG.log(System.Logger.Level.WARNING, "renderer priming still running at the snapshot, after " + CHECKPOINT_WAIT);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the primed code is in the restored snapshot.
    }

    private static void primeOrLog() {
        try {
            prime();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "renderer priming failed (requests render as usual)", e);
        }
    }

    /** The priming itself, on the calling thread. */
    static void prime() {
        ReportDocument sample = sample();
        new TaggedPdfWriter().write(sample);
        new HtmlReportWriter().write(sample);
        TrustRegister register = TrustRegister.bundled();
        for (String round : SurveyDefinitions.rounds()) {
            SurveyDefinitions.forRound(round)
                    .ifPresent(definition -> NationalReport.build(RoundData.of(definition, register, List.of())));
        }
    }

    /** Every kind of block and chart, nested as a report nests them, with words in two languages. */
    static ReportDocument sample() {
        Block.DataTable table = new Block.DataTable("Trusts by answer", List.of("Answer", "Trusts", "Share"),
                List.of(Block.DataTable.Row.of("Yes", "31 of 42", "74%"), Block.DataTable.Row.of("No", "[c]", "[c]")));
        Block.Figure bars = new Block.Figure("Bars: yes is the most common answer.", "Answers",
                new Chart.HorizontalBars(List.of(new Chart.HorizontalBars.Bar("Yes", 31, "31 of 42 (74%)"),
                        new Chart.HorizontalBars.Bar("No", 11, "11 of 42 (26%)")), 42), table);
        Chart.StackedBars.Row row = new Chart.StackedBars.Row("Acute trusts", List.of(0.25, 0.5, 0.25),
                List.of("25%", "50%", "25%"), "n = 40");
        Chart.StackedBars.Row suppressed = new Chart.StackedBars.Row("Ambulance trusts", List.of(), List.of(), "[c]");
        Block.Figure stacked = new Block.Figure("Stacked bars by peer group.", "Shares by peer group",
                new Chart.StackedBars(List.of("Low", "Middle", "High"), List.of(row, suppressed)), table);
        Block.Figure diverging = new Block.Figure("Diverging bars on a scale.", "Agreement",
                new Chart.DivergingBars(List.of("Disagree", "Neutral", "Agree"), 1, List.of(row, suppressed)), table);
        Block.Figure bands = new Block.Figure("A value on its peers' spread.", "Where the trust falls",
                new Chart.BandPositions(List.of(
                        new Chart.BandPositions.Position("Posts a week",
                                Optional.of(new Chart.BandPositions.Spread(1, 3, 5, 8, 20)), Optional.of(6.0),
                                "in the middle half of acute trusts"),
                        new Chart.BandPositions.Position("Followers", Optional.empty(), Optional.empty(), "[c]"))),
                table);
        Block.Section inner = Block.Section.of("Charts", bars, stacked, diverging, bands);
        Block.Section outer = Block.Section.of("Introduction",
                Block.Paragraph.of(Span.of("Self-reported by trusts – “quoted”, 5 ≤ 6. "), Span.in("cy", "Croeso i’r adroddiad ŵ ŷ.")),
                Block.ItemList.of("First item", "Second item"), table, inner);
        ReportMetadata metadata = new ReportMetadata("A sample used to prime the renderers", "0000", "0", "0",
                "priming", Instant.EPOCH);
        return new ReportDocument("Renderer priming", ReportDocument.ENGLISH_UK, metadata, List.of(outer));
    }
}
