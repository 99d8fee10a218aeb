package nhssm.report.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nhssm.http.Problem;

/**
 * Reads the last segment of a report's URL (the route's {@code {file}}) into the report it names, or into
 * a 404 that lists what is accepted. Only the segment is looked at, so a refusal here says nothing about
 * the data.
 */
final class ReportFileName {

    /** ODS codes of NHS trusts: three characters (RJ1), or five for some newer organisations. */
    static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3}|[A-Z0-9]{5}");
    static final String ODS_CODE_FORM = "an ODS code of 3 or 5 upper-case letters and digits, for example RJ1";

    private ReportFileName() {
    }

    /** What a file name was read as. */
    sealed interface Reading {
        record Read(ReportRequest report) implements Reading {
        }

        record Refused(Problem problem) implements Reading {
        }
    }

    static Reading national(String round, String file) {
        int dot = file.lastIndexOf('.');
        Optional<ReportFormat> format = ReportFormat.ofExtension(dot < 0 ? "" : file.substring(dot + 1))
                .filter(ReportRequest.National.FORMATS::contains);
        if (dot < 0 || !file.substring(0, dot).equals(ReportRequest.National.NAME) || format.isEmpty()) {
            return new Reading.Refused(Problems.unknownReport(round, file,
                    names(ReportRequest.National.NAME, ReportRequest.National.FORMATS)));
        }
        return new Reading.Read(new ReportRequest.National(format.get()));
    }

    static Reading trust(String round, String file) {
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        Optional<ReportFormat> format = ReportFormat.ofExtension(dot < 0 ? "" : file.substring(dot + 1))
                .filter(ReportRequest.ForTrust.FORMATS::contains);
        if (!ODS_CODE.matcher(name).matches()) {
            return new Reading.Refused(Problems.malformedOdsCode(round, name));
        }
        if (format.isEmpty()) {
            return new Reading.Refused(Problems.unknownReport(round, "trusts/" + file,
                    names("trusts/" + name, ReportRequest.ForTrust.FORMATS)));
        }
        return new Reading.Read(new ReportRequest.ForTrust(name, format.get()));
    }

    private static List<String> names(String name, List<ReportFormat> formats) {
        return formats.stream().map(f -> name + "." + f.extension()).toList();
    }
}
