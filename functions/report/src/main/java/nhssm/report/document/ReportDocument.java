package nhssm.report.document;

import java.util.List;
import java.util.Objects;

/**
 * A report as a semantic document: a title, its language, what it describes, and a body of blocks.
 *
 * <p>Renderers (tagged PDF, HTML) derive everything from this model, including the structure tree, the
 * bookmarks and the contents page, so there is no second description of the document to drift from it.
 *
 * @param title    the document title, shown on the cover and in the viewer's title bar
 * @param language the BCP 47 language of the document, "en-GB" for every nhssm report
 * @param metadata the round, versions and snapshot the report was computed from
 * @param body     the top-level blocks, usually one {@link Block.Section} per chapter
 */
public record ReportDocument(String title, String language, ReportMetadata metadata, List<Block> body) {

    /** The language of every nhssm report. */
    public static final String ENGLISH_UK = "en-GB";

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(metadata, "metadata");
        if (title.isBlank()) {
            throw new IllegalArgumentException("A report needs a title");
        }
        body = List.copyOf(body);
    }
}
