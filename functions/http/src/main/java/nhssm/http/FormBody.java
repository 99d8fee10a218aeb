package nhssm.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body: {@code +} is a space, {@code %XX} a byte,
 * names and values are UTF-8, and a repeated name keeps every value in order (multiple choice).
 * Anything malformed is refused rather than repaired, so what is stored is exactly what was sent.
 */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String ascii = new String(body, StandardCharsets.ISO_8859_1);
        if (ascii.isEmpty()) {
            return fields;
        }
        for (String pair : ascii.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length() || hex(encoded.charAt(i + 1)) < 0 || hex(encoded.charAt(i + 2)) < 0) {
                    throw new MalformedRequestException(
                            "The form body has a '%' that is not followed by two hex digits.");
                }
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return Utf8.decode(bytes.toByteArray(), "The form body");
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
