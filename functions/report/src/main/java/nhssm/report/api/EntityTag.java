package nhssm.report.api;

import java.util.Optional;
import nhssm.core.token.Sha256;
import nhssm.report.content.ReportAudience;

/**
 * A report's ETag, derived from what its bytes are made from (the data snapshot, the renderers' version,
 * the report and format, and whom the copy is for), so it is known before rendering and a revalidation costs one
 * query, not a render; the trust's copy and the published one never share a tag.
 */
record EntityTag(String opaque) {

    static EntityTag of(String snapshotId, String rendererVersion, ReportRequest report, ReportAudience audience) {
        String identity = String.join("\n", snapshotId, rendererVersion, report.subject(), report.format().extension(),
                audience.name());
        return new EntityTag(Sha256.hex(identity).substring(0, 32));
    }

    /** The header value: a strong tag, since the same inputs give the same bytes. */
    String header() {
        return "\"" + opaque + "\"";
    }

    /**
     * Whether {@code If-None-Match} matches this tag: {@code *}, or a comma-separated list of tags, each
     * strong or weak ({@code W/"…"}), compared weakly as RFC 9110 requires for If-None-Match. A malformed
     * list is ignored, as if it had not been sent: the report is then simply sent in full.
     */
    boolean matchedBy(Optional<String> ifNoneMatch) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        String list = ifNoneMatch.get().strip();
        if (list.equals("*")) {
            return true;
        }
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (list.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= list.length() || list.charAt(i) != '"') {
                return false;
            }
            int end = list.indexOf('"', i + 1);
            if (end < 0) {
                return false;
            }
            if (list.substring(i + 1, end).equals(opaque)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }
}
