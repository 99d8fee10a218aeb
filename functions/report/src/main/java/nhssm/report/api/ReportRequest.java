package nhssm.report.api;

import java.util.List;

/** Which report, in which format: what the last segment of a report's URL names. */
sealed interface ReportRequest {

    ReportFormat format();

    /** {@code national}, or the trust's ODS code: what the file name and the ETag say the report is of. */
    String subject();

    /** The name a download is saved under, e.g. {@code nhssm-2026-RJ1.pdf}. */
    default String fileName(String round) {
        return "nhssm-" + round + "-" + subject() + "." + format().extension();
    }

    /** The national report, public. */
    record National(ReportFormat format) implements ReportRequest {
        static final String NAME = "national";
        static final List<ReportFormat> FORMATS = List.of(ReportFormat.PDF, ReportFormat.HTML, ReportFormat.CSV);

        @Override
        public String subject() {
            return NAME;
        }
    }

    /** One trust's report: private to its lead and the census team unless the trust consented to publication. */
    record ForTrust(String odsCode, ReportFormat format) implements ReportRequest {
        /** No CSV: the CSV is the national figures; a trust's own answers are listed in its report's annex. */
        static final List<ReportFormat> FORMATS = List.of(ReportFormat.PDF, ReportFormat.HTML);

        public ForTrust {
            if (!FORMATS.contains(format)) {
                throw new IllegalArgumentException("a trust report is not offered as " + format);
            }
        }

        @Override
        public String subject() {
            return odsCode;
        }
    }
}
