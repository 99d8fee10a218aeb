package nhssm.report.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a report is offered in, by the extension of its URL.
 *
 * @param disposition {@code attachment} for files to keep (PDF, CSV); {@code inline} for HTML, the
 *                    accessible alternative, which is meant to be read in the browser
 */
enum ReportFormat {
    PDF("pdf", "application/pdf", "attachment"),
    HTML("html", "text/html; charset=utf-8", "inline"),
    CSV("csv", "text/csv; charset=utf-8; header=present", "attachment");

    private final String extension;
    private final String contentType;
    private final String disposition;

    ReportFormat(String extension, String contentType, String disposition) {
        this.extension = extension;
        this.contentType = contentType;
        this.disposition = disposition;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    String disposition() {
        return disposition;
    }

    static Optional<ReportFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
