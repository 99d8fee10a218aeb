package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import nhssm.report.document.Block;

/**
 * A respondent's free text as paragraphs of the trust's report, exactly as typed: every character kept (a
 * renderer replaces visibly, with the original as its text alternative, what its fonts cannot draw, such as
 * emoji), one paragraph per line the respondent wrote, and Welsh sentences marked as Welsh
 * ({@link WelshPassages}), so that a screen reader speaks them in Welsh.
 */
final class TrustFreeText {

    private TrustFreeText() {
    }

    /** The text as paragraphs, one per non-blank line. */
    static List<Block> paragraphs(String text) {
        List<Block> paragraphs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                paragraphs.add(new Block.Paragraph(WelshPassages.spans(line)));
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add(new Block.Paragraph(WelshPassages.spans(text)));
        }
        return paragraphs;
    }
}
