package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.Span;

/** Reading a report document back in tests: its sections, its blocks in order, and every piece of text in it. */
final class Blocks {

    private Blocks() {
    }

    /** The top-level section titles, in order. */
    static List<String> chapters(ReportDocument document) {
        return document.body().stream().filter(Block.Section.class::isInstance)
                .map(b -> ((Block.Section) b).title()).toList();
    }

    /** The first section titled {@code title}, at any depth. */
    static Block.Section section(List<Block> blocks, String title) {
        return find(blocks, title).orElseThrow(() -> new AssertionError("no section titled " + title));
    }

    static Block.Section section(ReportDocument document, String title) {
        return section(document.body(), title);
    }

    static Optional<Block.Section> find(List<Block> blocks, String title) {
        for (Block block : blocks) {
            if (block instanceof Block.Section s) {
                if (s.title().equals(title)) {
                    return Optional.of(s);
                }
                Optional<Block.Section> inside = find(s.content(), title);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    /** Every block, depth first, sections before their content. */
    static Stream<Block> all(List<Block> blocks) {
        return blocks.stream().flatMap(b -> b instanceof Block.Section s ? Stream.concat(Stream.of(b), all(s.content()))
                : Stream.of(b));
    }

    static <T extends Block> List<T> all(List<Block> blocks, Class<T> kind) {
        return all(blocks).filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Every table: the stand-alone ones and those of figures. */
    static List<Block.DataTable> tables(List<Block> blocks) {
        List<Block.DataTable> tables = new ArrayList<>(all(blocks, Block.DataTable.class));
        all(blocks, Block.Figure.class).forEach(f -> tables.add(f.data()));
        return tables;
    }

    /** All the text a reader could meet in {@code blocks}, one piece per line. */
    static String text(List<Block> blocks) {
        StringBuilder text = new StringBuilder();
        all(blocks).forEach(block -> {
            switch (block) {
                case Block.Section s -> line(text, s.title());
                case Block.Paragraph p -> line(text, spans(p.spans()));
                case Block.ItemList l -> l.items().forEach(i -> line(text, spans(i)));
                case Block.DataTable t -> table(text, t);
                case Block.Figure f -> {
                    line(text, f.altText());
                    line(text, f.caption());
                    chartText(f.chart()).forEach(t -> line(text, t));
                    table(text, f.data());
                }
            }
        });
        return text.toString();
    }

    static String text(ReportDocument document) {
        return document.title() + "\n" + document.metadata().subject() + "\n" + text(document.body());
    }

    /** Every label and value a chart draws. */
    static List<String> chartText(Chart chart) {
        List<String> text = new ArrayList<>();
        switch (chart) {
            case Chart.HorizontalBars h -> h.bars().forEach(b -> {
                text.add(b.label());
                text.add(b.shownValue());
            });
            case Chart.StackedBars s -> {
                text.addAll(s.categories());
                s.rows().forEach(r -> row(text, r));
            }
            case Chart.DivergingBars d -> {
                text.addAll(d.points());
                d.rows().forEach(r -> row(text, r));
            }
            case Chart.BandPositions b -> b.rows().forEach(r -> {
                text.add(r.label());
                text.add(r.note());
            });
        }
        return text;
    }

    static String spans(List<Span> spans) {
        return spans.stream().map(Span::text).reduce("", String::concat);
    }

    private static void row(List<String> text, Chart.StackedBars.Row row) {
        text.add(row.label());
        text.addAll(row.shownShares());
        text.add(row.note());
    }

    private static void table(StringBuilder text, Block.DataTable table) {
        line(text, table.caption());
        table.columnHeaders().forEach(h -> line(text, h));
        table.rows().forEach(r -> {
            line(text, r.header());
            r.cells().forEach(c -> line(text, c));
        });
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append('\n');
    }
}
