package nhssm.report.document;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A block of a report's body: what a renderer lays out one after another. */
public sealed interface Block permits Block.Section, Block.Paragraph, Block.ItemList, Block.DataTable, Block.Figure {

    /**
     * A titled section. Its heading level is its nesting depth (a top-level section is level 1), so a
     * document built from this model can never skip a heading level.
     */
    record Section(String title, List<Block> content) implements Block {
        public Section {
            Objects.requireNonNull(title, "title");
            content = List.copyOf(content);
        }

        public static Section of(String title, Block... content) {
            return new Section(title, Arrays.asList(content));
        }
    }

    /** A paragraph of one or more runs, which may be in different languages. */
    record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }

        public static Paragraph of(String text) {
            return new Paragraph(List.of(Span.of(text)));
        }

        public static Paragraph of(Span... spans) {
            return new Paragraph(Arrays.asList(spans));
        }
    }

    /** A bulleted list; each item is a list of runs. */
    record ItemList(List<List<Span>> items) implements Block {
        public ItemList {
            items = items.stream().map(List::copyOf).toList();
        }

        public static ItemList of(String... items) {
            return new ItemList(Arrays.stream(items).map(item -> List.of(Span.of(item))).toList());
        }
    }

    /**
     * A table of data with a caption, one header per column (the first names the row-header column) and
     * rows that each start with a row header. Suppressed values are just text, such as "[c]".
     */
    record DataTable(String caption, List<String> columnHeaders, List<Row> rows) implements Block {
        public DataTable {
            Objects.requireNonNull(caption, "caption");
            columnHeaders = List.copyOf(columnHeaders);
            rows = List.copyOf(rows);
            if (columnHeaders.isEmpty()) {
                throw new IllegalArgumentException("A table needs at least the row-header column");
            }
            for (Row row : rows) {
                if (row.cells().size() + 1 != columnHeaders.size()) {
                    throw new IllegalArgumentException("Row '" + row.header() + "' has " + row.cells().size()
                            + " cells but the table has " + (columnHeaders.size() - 1) + " data columns");
                }
            }
        }

        /** A row: its header (the first column) and one cell per remaining column. */
        public record Row(String header, List<String> cells) {
            public Row {
                Objects.requireNonNull(header, "header");
                cells = List.copyOf(cells);
            }

            public static Row of(String header, String... cells) {
                return new Row(header, List.of(cells));
            }
        }
    }

    /**
     * A chart with its alternative text (what it shows and its key message), a caption, and the table of
     * the values it draws, which every renderer shows right after it.
     */
    record Figure(String altText, String caption, Chart chart, DataTable data) implements Block {
        public Figure {
            Objects.requireNonNull(altText, "altText");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(chart, "chart");
            Objects.requireNonNull(data, "data");
            if (altText.isBlank()) {
                throw new IllegalArgumentException("A figure needs alternative text");
            }
        }
    }
}
