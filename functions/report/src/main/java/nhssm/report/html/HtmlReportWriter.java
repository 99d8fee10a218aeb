package nhssm.report.html;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nhssm.http.HtmlText;
import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.ItemList;
import nhssm.report.document.Block.Paragraph;
import nhssm.report.document.Block.Section;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;
import nhssm.report.document.Span;

/**
 * Renders a {@link ReportDocument} to one self-contained HTML5 page, the accessible alternative to the PDF
 * with the same cover, contents and order: a cover header with what the report was computed from, a
 * contents list linking to the sections, then the body with {@code <section>}s headed h1…h6 by nesting
 * depth, tables with captions and scoped header cells, and each figure as an SVG image named by its
 * alternative text, its caption, and the table of its values.
 *
 * <p>No script and no external resource: the page is read offline, printed and archived as it is. Every
 * text is escaped. The output is deterministic: the same document gives the same bytes, ids included.
 */
public final class HtmlReportWriter {

    /** Headings listed in the contents, as on the PDF's contents page. */
    private static final int CONTENTS_DEPTH = 2;
    private static final int MAX_DEPTH = 6;

    /**
     * NHS Black text on white (14:1), NHS Blue links (6.4:1), a readable line length; on paper, full width,
     * black links, and headings kept with what follows them.
     */
    private static final String STYLE = """
            body{margin:0 auto;max-width:46rem;padding:1rem;font-family:Arial,"Liberation Sans",Helvetica,sans-serif;\
            font-size:1.0625rem;line-height:1.5;color:#212b32;background:#fff}
            h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.5em 0 .5em}
            h1{font-size:2rem}h2{font-size:1.5rem}h3{font-size:1.25rem}h4,h5,h6{font-size:1.0625rem}
            a{color:#005eb8}a:visited{color:#330072}a:focus{outline:3px solid #212b32;background:#ffeb3b;color:#212b32}
            .skip{position:absolute;left:-999rem}.skip:focus{position:static}
            header dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}header dt{font-weight:bold}\
            header dd{margin:0}
            nav ol{list-style:none;padding-left:1.25rem}nav>ol{padding-left:0}
            table{border-collapse:collapse;margin:1rem 0 1.5rem;max-width:100%}
            caption{font-weight:bold;text-align:left;padding-bottom:.5rem}
            th,td{border-bottom:1px solid #768692;padding:.25rem .5rem;text-align:left;vertical-align:top}
            thead th{background:#e8edee;border-bottom:2px solid #425563}
            figure{margin:1.5rem 0 .5rem}figcaption{font-weight:bold;margin-top:.5rem}
            svg{display:block;max-width:100%;height:auto}
            @media print{body{max-width:none;padding:0;font-size:11pt}a,a:visited{color:#212b32}.skip{display:none}\
            h1,h2,h3,h4,h5,h6{break-after:avoid}figure,tr{break-inside:avoid}nav{break-after:page}}
            """;

    /** Renders the document to UTF-8 bytes. */
    public byte[] write(ReportDocument report) {
        return new Rendering(report).render().getBytes(StandardCharsets.UTF_8);
    }

    /** A heading in document order, with its depth and the id it is linked by. */
    private record Heading(String title, int depth, String id) {
    }

    /** The state of one rendering: the page so far, its ids, and the headings in document order. */
    private static final class Rendering {
        private final ReportDocument report;
        private final StringBuilder out = new StringBuilder();
        private final FragmentIds ids = new FragmentIds();
        private final SvgChartDrawer charts = new SvgChartDrawer();
        private final List<Heading> headings = new ArrayList<>();
        private int nextHeading;
        private int figures;

        Rendering(ReportDocument report) {
            this.report = report;
        }

        String render() {
            String mainId = ids.next("main");
            String contentsId = ids.next("contents");
            collectHeadings(report.body(), 1);

            out.append("<!DOCTYPE html>\n<html lang=\"").append(HtmlText.escape(report.language())).append("\">\n")
                    .append("<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(HtmlText.escape(report.title())).append("</title>\n")
                    .append("<meta name=\"description\" content=\"")
                    .append(HtmlText.escape(report.metadata().subject())).append("\">\n")
                    .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                    .append("<a class=\"skip\" href=\"#").append(mainId).append("\">Skip to the report</a>\n");
            cover();
            contents(contentsId);
            out.append("<main id=\"").append(mainId).append("\">\n");
            for (Block block : report.body()) {
                block(block, 1);
            }
            out.append("</main>\n</body>\n</html>\n");
            return out.toString();
        }

        // ---- Cover and contents ----------------------------------------------------------------------

        /** The same information, in the same order, as the PDF's cover. */
        private void cover() {
            ReportMetadata metadata = report.metadata();
            String published = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)
                    .format(metadata.publishedAt().atZone(ZoneOffset.UTC));
            out.append("<header>\n<h1>").append(HtmlText.escape(report.title())).append("</h1>\n")
                    .append("<p>").append(HtmlText.escape(metadata.subject())).append("</p>\n<dl>\n");
            fact("Round", HtmlText.escape(metadata.round()));
            fact("Published", "<time datetime=\"" + HtmlText.escape(metadata.publishedAt().toString()) + "\">"
                    + HtmlText.escape(published) + "</time>");
            fact("Survey definition version", HtmlText.escape(metadata.definitionVersion()));
            fact("Methodology version", HtmlText.escape(metadata.methodologyVersion()));
            fact("Data snapshot", HtmlText.escape(metadata.dataSnapshotId()));
            out.append("</dl>\n</header>\n");
        }

        private void fact(String term, String escapedValue) {
            out.append("<dt>").append(term).append("</dt><dd>").append(escapedValue).append("</dd>\n");
        }

        /** Every section's heading and id, in document order, before anything is written. */
        private void collectHeadings(List<Block> blocks, int depth) {
            for (Block block : blocks) {
                if (block instanceof Section section) {
                    if (depth > MAX_DEPTH) {
                        throw new IllegalArgumentException("Section '" + section.title() + "' is nested " + depth
                                + " deep; HTML headings stop at h6");
                    }
                    headings.add(new Heading(section.title(), depth, ids.next(section.title())));
                    collectHeadings(section.content(), depth + 1);
                }
            }
        }

        /** The contents: the headings down to {@link #CONTENTS_DEPTH}, as nested lists of links. */
        private void contents(String contentsId) {
            List<Heading> listed = headings.stream().filter(h -> h.depth() <= CONTENTS_DEPTH).toList();
            if (listed.isEmpty()) {
                return;
            }
            out.append("<nav aria-labelledby=\"").append(contentsId).append("\">\n<h1 id=\"").append(contentsId)
                    .append("\">Contents</h1>\n<ol>\n");
            // Sections never skip a level, so each heading is one deeper than the last, or closes lists.
            int level = 1;
            boolean first = true;
            for (Heading heading : listed) {
                if (heading.depth() > level) {
                    out.append("\n<ol>\n");
                    level = heading.depth();
                } else {
                    if (!first) {
                        out.append("</li>\n");
                    }
                    for (; level > heading.depth(); level--) {
                        out.append("</ol>\n</li>\n");
                    }
                }
                out.append("<li><a href=\"#").append(heading.id()).append("\">")
                        .append(HtmlText.escape(heading.title())).append("</a>");
                first = false;
            }
            out.append("</li>\n");
            for (; level > 1; level--) {
                out.append("</ol>\n</li>\n");
            }
            out.append("</ol>\n</nav>\n");
        }

        // ---- Blocks ------------------------------------------------------------------------------------

        private void block(Block block, int depth) {
            switch (block) {
                case Section section -> section(section, depth);
                case Paragraph paragraph -> out.append("<p>").append(spans(paragraph.spans())).append("</p>\n");
                case ItemList list -> list(list);
                case DataTable table -> table(table);
                case Figure figure -> figure(figure);
            }
        }

        private void section(Section section, int depth) {
            Heading heading = headings.get(nextHeading++);
            out.append("<section>\n<h").append(depth).append(" id=\"").append(heading.id()).append("\">")
                    .append(HtmlText.escape(section.title())).append("</h").append(depth).append(">\n");
            for (Block block : section.content()) {
                block(block, depth + 1);
            }
            out.append("</section>\n");
        }

        /** Runs of text; a run in another language is marked as such, for its pronunciation. */
        private static String spans(List<Span> spans) {
            StringBuilder text = new StringBuilder();
            for (Span span : spans) {
                if (span.lang() == null) {
                    text.append(HtmlText.escape(span.text()));
                } else {
                    text.append("<span lang=\"").append(HtmlText.escape(span.lang())).append("\">")
                            .append(HtmlText.escape(span.text())).append("</span>");
                }
            }
            return text.toString();
        }

        private void list(ItemList list) {
            out.append("<ul>\n");
            for (List<Span> item : list.items()) {
                out.append("<li>").append(spans(item)).append("</li>\n");
            }
            out.append("</ul>\n");
        }

        private void table(DataTable table) {
            out.append("<table>\n<caption>").append(HtmlText.escape(table.caption())).append("</caption>\n")
                    .append("<thead>\n<tr>");
            for (String header : table.columnHeaders()) {
                out.append("<th scope=\"col\">").append(HtmlText.escape(header)).append("</th>");
            }
            out.append("</tr>\n</thead>\n<tbody>\n");
            for (DataTable.Row row : table.rows()) {
                out.append("<tr><th scope=\"row\">").append(HtmlText.escape(row.header())).append("</th>");
                for (String cell : row.cells()) {
                    out.append("<td>").append(HtmlText.escape(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }

        /** The chart named by its alternative text, its caption, then the table of its values. */
        private void figure(Figure figure) {
            figures++;
            String titleId = ids.next("figure " + figures + " title");
            out.append("<figure>\n").append(charts.draw(figure.chart(), titleId, figure.altText())).append('\n')
                    .append("<figcaption>").append(HtmlText.escape(figure.caption())).append("</figcaption>\n")
                    .append("</figure>\n");
            table(figure.data());
        }
    }
}
