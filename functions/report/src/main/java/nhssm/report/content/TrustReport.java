package nhssm.report.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.SuppressionRule;
import nhssm.core.stats.Thresholds;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Section;
import nhssm.report.document.Block;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;

/**
 * One trust's report: its answers against its peers and the nation (outline in REPORTS.md). The parts about
 * survey sections follow the survey definition (every section, every question, in order), so a question added
 * to the definition appears without any change here. Only three sections have their own parts, as the outline
 * names them: the identity section (in "Your responses"), the maturity profile, and the examples and comments.
 */
public final class TrustReport {

    /** The section about the trust and the respondent, shown in "Your responses". */
    static final String IDENTITY_SECTION = "ID";
    /** The self-assessed maturity dimensions, shown together as a profile. */
    static final String MATURITY_SECTION = "MA";
    /** Free-text examples and comments, shown verbatim. */
    static final String EXAMPLES_SECTION = "EX";

    static final String STATUS = "Draft for verification";
    static final String PUBLISHED = "Published version";
    static final String HOW_TO_READ = "How to read this report";
    static final String AT_A_GLANCE = "At a glance";
    static final String QUESTIONS_TO_CONSIDER = "Questions to consider";
    static final String METHODOLOGY = "Methodology and caveats";
    static final String ACCESSIBILITY = "Accessibility and alternative formats";

    private TrustReport() {
    }

    /**
     * The report of the trust with {@code odsCode}, for {@code audience}: the trust's own copy, or the published one,
     * which leaves out whatever the survey definition keeps from the public and says that it is the published version.
     *
     * @throws IllegalArgumentException when no trust of the round has that code (not in the reference list, or
     *                                  not open on the census date)
     */
    public static ReportDocument build(RoundData data, String odsCode, ReportAudience audience) {
        TrustInRound trust = TrustInRound.of(data, odsCode);
        List<Block> body = new ArrayList<>();
        body.add(howToRead(trust, audience));
        body.add(atAGlance(trust));
        body.add(TrustResponses.section(trust, section(data, IDENTITY_SECTION).orElse(null)));
        for (Section section : comparedSections(data)) {
            body.add(sectionPart(trust, section));
        }
        section(data, MATURITY_SECTION).ifPresent(s -> body.add(TrustMaturityProfile.section(trust, s)));
        body.add(TrustExamples.section(trust, audience));
        body.add(TrustVerificationAnnex.section(trust));
        body.add(methodology(trust));
        body.add(accessibility());
        String title = trust.name() + ": social media in the NHS " + data.definition().round();
        return new ReportDocument(
                audience == ReportAudience.PUBLIC ? title + " (" + PUBLISHED.toLowerCase(java.util.Locale.UK) + ")" : title,
                ReportDocument.ENGLISH_UK,
                new ReportMetadata(subject(trust, audience), data.definition().round(),
                        data.definition().definitionVersion(), RoundData.METHODOLOGY_VERSION, data.snapshotId(),
                        data.asOf()),
                body);
    }

    /** The cover line: who the report is about, its peer group, its status and, for the public, that it is published. */
    private static String subject(TrustInRound trust, ReportAudience audience) {
        return trust.name() + " (ODS code " + trust.ods() + "). Peer group: "
                + trust.peers().map(p -> p.label()).orElse("none (this type of trust joins no peer group)")
                + ". Status: " + switch (audience) {
                    case TRUST -> STATUS.toLowerCase(java.util.Locale.UK) + ".";
                    case PUBLIC -> PUBLISHED.toLowerCase(java.util.Locale.UK) + ", with the trust's consent.";
                };
    }

    private static Optional<Section> section(RoundData data, String code) {
        return data.definition().sections().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The sections compared question by question: every section with statistics but the three with their own parts. */
    static List<Section> comparedSections(RoundData data) {
        Set<String> ownParts = Set.of(IDENTITY_SECTION, MATURITY_SECTION, EXAMPLES_SECTION);
        return data.definition().sections().stream()
                .filter(s -> !ownParts.contains(s.code()))
                .filter(s -> data.statistics().items().stream().anyMatch(i -> i.question().section().equals(s.code())))
                .toList();
    }

    // ---- 2. How to read ----

    private static Block.Section howToRead(TrustInRound trust, ReportAudience audience) {
        String peers = trust.peersInSentence();
        List<Block> blocks = new ArrayList<>();
        String shows = "It shows what " + trust.name() + " told the " + trust.data().definition().round()
                + " census of social media in the NHS, beside "
                + (trust.peers().isPresent() ? "its peer group (" + peers + ") and " : "") + "all trusts.";
        switch (audience) {
            case TRUST -> {
                blocks.add(Block.Paragraph.of("This report is for " + trust.name() + ". " + shows + " It is private "
                        + "to your trust and the census team unless your trust agreed to its publication."));
                blocks.add(Block.Paragraph.of("Status: " + STATUS.toLowerCase(java.util.Locale.UK) + ". There is no "
                        + "separate verification step yet. Please check the data verification annex at the end of this "
                        + "report and correct any answer through the survey while the census is open; the report is "
                        + "then produced again from the corrected answers."));
            }
            case PUBLIC -> blocks.add(Block.Paragraph.of("This is the " + PUBLISHED.toLowerCase(java.util.Locale.UK)
                    + " of the report of " + trust.name() + ", published because the trust agreed to it. " + shows
                    + " It leaves out what is not for publication: " + TrustExamples.leftOutOfPublication(trust.data())
                    + ". The trust's own copy shows the trust what its respondents wrote for it."));
        }
        blocks.add(Block.ItemList.of(
                "Everything is self-reported: it is what your trust and its staff told the census, not checked "
                        + "independently.",
                "The unit is the trust. Your trust's responses are reconciled into one record: the official return "
                        + "first, otherwise the answer most individual respondents gave, or the middle value of their "
                        + "numbers.",
                "For an answer chosen from a list, the peer group and all-trust figures count the trusts that gave "
                        + "the same answer as yours, out of the trusts that answered: \u201CYour trust: Yes \u00B7 "
                        + "Acute trusts: 31 of 42 (74%)\u201D.",
                "For a number or a point on a scale, your trust is placed in one of three bands of its peer group: "
                        + "the lower quarter, the middle half or the upper quarter. A band is not a score, and more "
                        + "is not always better.",
                "Percentages are whole numbers and always come with their counts; below a base of "
                        + Thresholds.PERCENT_MIN_BASE + " trusts only the counts are shown.",
                Figures.SUPPRESSED + " marks a figure withheld because it rests on too few trusts or people; "
                        + "it never means zero. " + Figures.NOT_AVAILABLE + " means no trust gave a value.",
                "Trusts are never put in order and there is no overall score. The questions to consider at the end "
                        + "of each section are prompts for discussion, not judgements."));
        return new Block.Section(HOW_TO_READ, blocks);
    }

    // ---- 3. At a glance ----

    private static Block.Section atAGlance(TrustInRound trust) {
        List<Block.DataTable.Row> rows = new ArrayList<>();
        for (Section section : comparedSections(trust.data())) {
            ItemStatistics lead = leadItem(trust.items(section));
            List<String> cells = TrustComparison.glance(trust, lead);
            rows.add(new Block.DataTable.Row(section.title() + ": " + lead.question().shortLabel(), cells));
        }
        String peerHeader = trust.peers().map(p -> "Peer group: " + p.label()).orElse("Peer group");
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of("One row for each section, about one of its questions (the first that takes a "
                + "single answer and is asked of every respondent, where there is one): your trust's answer, and "
                + "for " + (trust.peers().isPresent() ? "your peer group and " : "")
                + "all trusts how many trusts gave the same answer, or where your value lies."
                + (trust.peers().isPresent() ? "" : " Your trust's type joins no peer group.")
                + " There is no overall score. Each section below has the full picture."));
        blocks.add(new Block.DataTable("At a glance: your trust beside " + trust.comparedWith() + " (self-reported)",
                List.of("Section", "Your trust", peerHeader, "All trusts"), rows));
        peerGroupWithheld(trust).ifPresent(blocks::add);
        return new Block.Section(AT_A_GLANCE, blocks);
    }

    /**
     * Why every figure of the trust's peer group shows {@value nhssm.core.stats.Suppressed#SYMBOL}, when too few
     * of its trusts responded; participation itself is never withheld, so the reader can see why.
     */
    private static Optional<Block> peerGroupWithheld(TrustInRound trust) {
        return trust.peers().map(p -> trust.data().statistics().participation(p))
                .filter(p -> p.responding().count() < SuppressionRule.PEER_GROUP_RESPONDING.minimum())
                .map(p -> Block.Paragraph.of(Figures.SUPPRESSED + ": " + SuppressionRule.PEER_GROUP_RESPONDING.description()
                        + " " + p.responding().count() + " of the " + p.openTrusts() + " " + trust.peersInSentence()
                        + " responded, so your trust is compared with all trusts only."));
    }

    /**
     * The question a section's at-a-glance row shows: the first that takes a single answer and is asked of every
     * respondent, else the first that takes a single answer, else the first.
     */
    static ItemStatistics leadItem(List<ItemStatistics> items) {
        return items.stream()
                .min(Comparator.comparingInt((ItemStatistics i) -> TrustComparison.singleValued(i.question())
                                ? (i.question().audience() == Audience.ALL ? 0 : 1) : 2))
                .orElseThrow();
    }

    // ---- 5-14. One part per section ----

    private static Block.Section sectionPart(TrustInRound trust, Section section) {
        List<ItemStatistics> items = trust.items(section);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of(trust.responded()
                ? "Your trust's answers (self-reported), compared with " + trust.comparedWith() + "."
                : "Your trust did not respond, so this part shows the figures of " + trust.comparedWith()
                        + " only."));
        for (ItemStatistics item : items) {
            blocks.add(TrustComparison.item(trust, item));
        }
        blocks.add(Block.Section.of(QUESTIONS_TO_CONSIDER, TrustQuestionsToConsider.forSection(trust, items)));
        return new Block.Section(section.title(), blocks);
    }

    // ---- 18. Methodology and caveats ----

    private static Block.Section methodology(TrustInRound trust) {
        RoundData data = trust.data();
        List<String> rules = new ArrayList<>();
        for (SuppressionRule rule : SuppressionRule.values()) {
            rules.add(rule.description());
        }
        return Block.Section.of(METHODOLOGY,
                Block.Paragraph.of("Self-reported data. Every figure comes from what trusts and their staff told the "
                        + "census; nothing was checked independently, and answers may reflect different readings of a "
                        + "question."),
                Block.Paragraph.of("One record per trust. Only submitted responses count. The official return supplies "
                        + "the trust's answers; without one, a question takes the answer more than half of the "
                        + "individual respondents gave, or the median of their numbers and scale points. Where "
                        + "individuals disagree with no majority, the question is a conflict and is left out of the "
                        + "comparisons. Free text is never merged."),
                Block.Paragraph.of("Every trust counts once, whatever the number of its respondents. The trusts counted "
                        + "are those open on the census date, " + Figures.date(data.definition().censusDate())
                        + ", in the NHS trust reference list; a trust's peer group is its type in that list."),
                Block.Paragraph.of("Withheld figures (" + Figures.SUPPRESSED + "): " + String.join(" ", rules)
                        + " Percentages are whole numbers, rounded half up, and given only from a base of "
                        + Thresholds.PERCENT_MIN_BASE + " trusts."),
                Block.Paragraph.of("Medians and quartiles are calculated by linear interpolation between the sorted "
                        + "values (the method of Excel's QUARTILE.INC and R's default). A value exactly on a quartile "
                        + "is in the middle half."),
                Block.Paragraph.of("Not measured, by design: follower counts, post counts, reach or engagement figures, "
                        + "and named individuals. No figure puts trusts in order and there is no composite "
                        + "score; the maturity dimensions are never added together."),
                Block.Paragraph.of("This report: round " + data.definition().round() + ", survey definition version "
                        + data.definition().definitionVersion() + ", methodology version "
                        + RoundData.METHODOLOGY_VERSION + ", data snapshot " + data.snapshotId() + ", data as of "
                        + Figures.date(data.asOf()) + ". The full methodology is part of the national report."));
    }

    // ---- 19. Accessibility ----

    private static Block.Section accessibility() {
        return Block.Section.of(ACCESSIBILITY,
                // One text for the PDF and the web page, so it names both rather than the one being read.
                Block.Paragraph.of("This report is made as a tagged PDF meant to meet PDF/UA-1 and as a web page from "
                        + "the same content: both have headings, a declared language (with Welsh passages marked as "
                        + "Welsh), text alternatives for every chart followed by a table of its values, and no colour "
                        + "carries meaning on its own; the PDF also has bookmarks and a contents page."),
                Block.Paragraph.of("If you need it in another format, such as large print, plain text or Braille, ask "
                        + "the census team through the contact in your trust's invitation."),
                Block.Paragraph.of("Text your respondents typed is shown exactly as typed. A character the report's "
                        + "fonts cannot draw, such as an emoji, is shown as a visible replacement mark, and the "
                        + "original character is kept for screen readers."));
    }
}
