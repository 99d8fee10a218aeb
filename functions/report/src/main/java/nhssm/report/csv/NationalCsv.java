package nhssm.report.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nhssm.core.stats.Count;
import nhssm.core.stats.CountCell;
import nhssm.core.stats.Group;
import nhssm.core.stats.GroupFigures;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.NoValues;
import nhssm.core.stats.OptionCell;
import nhssm.core.stats.Participation;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SummaryCell;
import nhssm.core.stats.Suppressed;
import nhssm.core.survey.Question;
import nhssm.core.survey.Section;
import nhssm.report.content.RoundData;

/**
 * The national figures of a round as CSV (RFC 4180: UTF-8, CRLF after every record, a header row, fields
 * quoted when they hold a comma, a quote, CR or LF, quotes doubled), for readers who want the numbers
 * rather than the report.
 *
 * <p>First who responded, then one row per figure the statistics hold, for every question and every group
 * (all trusts, each peer group, each region), in definition order then group order; nothing is ranked or
 * scored. The {@code measure} column says what a row is:
 * <ul>
 *   <li>{@code trusts_open}: per group, the {@code trusts} open on the census date (the base of the next two);
 *   <li>{@code responding}: per group, trusts that responded (an official return or at least one member of
 *       staff), {@code trusts} of {@code of} open, with {@code percent};
 *   <li>{@code official_returns}: per group, trusts with an official return, {@code trusts} of {@code of} open;
 *   <li>{@code individual_responses}: per group, the individual responses from its trusts, in {@code value}
 *       (a count of people, not of trusts);
 *   <li>{@code respondent_role}: nationally, individual respondents with the role {@code option_code} of the
 *       role question, in {@code value}, {@code of} all individual respondents, with {@code percent};
 *   <li>{@code option}: trusts with the answer {@code option_code} (a choice, a scale point or an extra
 *       code such as DONT_KNOW), {@code trusts} of {@code of} trusts answering, with {@code percent};
 *   <li>{@code between_points}: scale items, trusts whose value fell between two points;
 *   <li>{@code median}, {@code lower_quartile}, {@code upper_quartile}: numbers and scales, the quantity in
 *       {@code value}, over the {@code trusts} with a value (0 trusts: no value, the report's [x]);
 *   <li>{@code answered}, {@code conflicts}, {@code not_answered}: how the responding trusts ({@code of})
 *       split between a usable value, disagreeing respondents, and no answer.
 * </ul>
 * The {@code trusts} column only ever counts trusts; a number of people is in {@code value}. Rows about who
 * responded name no question, except the roles, which name the role question. The presentation rules are
 * the statistics' own: a percentage only from 20 (empty below), and a suppressed figure has
 * {@code suppressed} true and every number column empty, as it carries no number. Lowest and highest values
 * are left out: they would single out a trust. Each row names the round and the data snapshot, so a download
 * identifies the data it came from.
 */
public final class NationalCsv {

    /** The header row. */
    public static final List<String> COLUMNS = List.of("round", "snapshot_id", "source", "section", "section_title",
            "question_id", "question", "group_type", "group", "measure", "option_code", "option", "trusts", "of",
            "percent", "value", "suppressed");

    /** The columns that hold numbers we write ourselves; every other column is text. */
    private static final Set<String> NUMBERS = Set.of("trusts", "of", "percent", "value");

    /** What every figure is: the trusts' own account, not a measurement. */
    static final String SOURCE = "self-reported by trusts";

    private static final String CRLF = "\r\n";

    private NationalCsv() {
    }

    /** The round's national figures as CSV bytes. */
    public static byte[] write(RoundData data) {
        StringBuilder out = new StringBuilder();
        record(out, COLUMNS);
        Map<String, String> sectionTitles = data.definition().sections().stream()
                .collect(Collectors.toMap(Section::code, Section::title, (a, b) -> a));
        RoundStatistics statistics = data.statistics();

        List<String> noQuestion = List.of(statistics.round(), data.snapshotId(), SOURCE, "", "", "", "");
        for (Participation participation : statistics.participation()) {
            for (List<String> figure : participation(participation)) {
                record(out, row(noQuestion, participation.group(), figure));
            }
        }
        List<String> roleQuestion = data.definition().question(RoundStatistics.ROLE_QUESTION)
                .map(q -> about(statistics, data, sectionTitles, q))
                .orElseGet(() -> List.of(statistics.round(), data.snapshotId(), SOURCE, "", "", "", ""));
        for (OptionCell role : statistics.respondentRoles()) {
            record(out, row(roleQuestion, Group.NATIONAL, individuals("respondent_role", role)));
        }

        for (ItemStatistics item : statistics.items()) {
            List<String> about = about(statistics, data, sectionTitles, item.question());
            for (GroupFigures figures : item.byGroup()) {
                for (List<String> figure : figures(figures)) {
                    record(out, row(about, figures.group(), figure));
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The columns from {@code round} to {@code question}. */
    private static List<String> about(RoundStatistics statistics, RoundData data, Map<String, String> sectionTitles,
            Question question) {
        return List.of(statistics.round(), data.snapshotId(), SOURCE, question.section(),
                sectionTitles.getOrDefault(question.section(), ""), question.id(), question.shortLabel());
    }

    private static List<String> row(List<String> about, Group group, List<String> figure) {
        List<String> row = new ArrayList<>(about);
        row.add(groupType(group));
        row.add(group.label());
        row.addAll(figure);
        return row;
    }

    /** Who responded in a group; never suppressed (see {@link Participation}). */
    private static List<List<String>> participation(Participation participation) {
        return List.of(
                List.of("trusts_open", "", "", Integer.toString(participation.openTrusts()), "", "", "", "false"),
                count("responding", "", "", participation.responding()),
                count("official_returns", "", "", participation.officialReturns()),
                List.of("individual_responses", "", "", "", "", "",
                        Integer.toString(participation.individualResponses()), "false"));
    }

    /** A count of people (not trusts): the number in {@code value}, out of {@code of}. */
    private static List<String> individuals(String measure, OptionCell option) {
        return switch (option.cell()) {
            case Count c -> List.of(measure, option.code(), option.option().label(), "", Integer.toString(c.of()),
                    c.percent().isPresent() ? Integer.toString(c.percent().getAsInt()) : "",
                    Integer.toString(c.count()), "false");
            case Suppressed s -> List.of(measure, option.code(), option.option().label(), "", "", "", "", "true");
        };
    }

    private static String groupType(Group group) {
        return switch (group) {
            case Group.National n -> "national";
            case Group.Peer p -> "peer_group";
            case Group.Region r -> "region";
        };
    }

    /** The group's figures, each as its columns from {@code measure} to {@code suppressed}. */
    private static List<List<String>> figures(GroupFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        switch (figures) {
            case GroupFigures.Choice choice -> choice.options().forEach(o -> rows.add(option(o)));
            case GroupFigures.Amount amount -> rows.addAll(summary(amount.summary()));
            case GroupFigures.Scale scale -> {
                scale.points().forEach(o -> rows.add(option(o)));
                scale.extras().forEach(o -> rows.add(option(o)));
                rows.add(count("between_points", "", "", scale.betweenPoints()));
                rows.addAll(summary(scale.summary()));
            }
        }
        rows.add(count("answered", "", "", figures.answered()));
        rows.add(count("conflicts", "", "", figures.conflicts()));
        rows.add(count("not_answered", "", "", figures.notAnswered()));
        return rows;
    }

    private static List<String> option(OptionCell option) {
        return count("option", option.code(), option.option().label(), option.cell());
    }

    private static List<String> count(String measure, String code, String label, CountCell cell) {
        return switch (cell) {
            case Count c -> List.of(measure, code, label, Integer.toString(c.count()), Integer.toString(c.of()),
                    c.percent().isPresent() ? Integer.toString(c.percent().getAsInt()) : "", "", "false");
            case Suppressed s -> List.of(measure, code, label, "", "", "", "", "true");
        };
    }

    private static List<List<String>> summary(SummaryCell cell) {
        return switch (cell) {
            case Summary s -> List.of(
                    quantity("median", s.n(), s.median().toPlainString()),
                    quantity("lower_quartile", s.n(), s.lowerQuartile().toPlainString()),
                    quantity("upper_quartile", s.n(), s.upperQuartile().toPlainString()));
            case NoValues n -> List.of(quantity("median", 0, ""), quantity("lower_quartile", 0, ""),
                    quantity("upper_quartile", 0, ""));
            case Suppressed s -> List.of(withheld("median"), withheld("lower_quartile"), withheld("upper_quartile"));
        };
    }

    private static List<String> quantity(String measure, int n, String value) {
        return List.of(measure, "", "", Integer.toString(n), "", "", value, "false");
    }

    private static List<String> withheld(String measure) {
        return List.of(measure, "", "", "", "", "", "", "true");
    }

    private static void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = fields.get(i);
            out.append(field(NUMBERS.contains(COLUMNS.get(i)) ? value : text(value)));
        }
        out.append(CRLF);
    }

    /**
     * A text field that a spreadsheet will show as text. Excel, LibreOffice and Google Sheets run a cell that
     * starts with = + - or @ as a formula (and some drop a leading TAB or CR first), so a label such as
     * "=HYPERLINK(...)" in the survey definition or the trust reference list could run in a reader's
     * spreadsheet when they open the download. A leading apostrophe makes such a cell text; it is the usual
     * defence (OWASP "CSV injection"). Number columns are left alone: we write them ourselves from numbers, so
     * they hold no formula, and a negative value must stay a number the reader can sum.
     */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A field, quoted when it holds a comma, a quote, CR or LF, with its quotes doubled. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
