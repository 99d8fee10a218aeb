package nhssm.report.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests: every record ends with CRLF, a field is quoted as a whole or not
 * at all, quotes inside a quoted field are doubled, and a bare CR, LF or quote outside quotes is refused.
 */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean fieldStarted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!fieldStarted && c == '"') {
                i = quoted(text, i + 1, field);
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF at " + i);
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " outside quotes at " + i);
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }

    /** Reads a quoted field's content from {@code start} (after the opening quote); returns the index after the closing one. */
    private static int quoted(String text, int start, StringBuilder field) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated quoted field from " + (start - 1));
    }
}
