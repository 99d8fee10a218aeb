package nhssm.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/** A Content-Type: {@code type/subtype} in lower case, and its charset parameter when given. */
public record MediaType(String essence, String charset) {

    public static Optional<MediaType> parse(String header) {
        String[] parts = header.split(";");
        String essence = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!essence.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            return Optional.empty();
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param.length == 2 && param[0].strip().equalsIgnoreCase("charset")) {
                charset = param[1].strip().replace("\"", "");
            }
        }
        return Optional.of(new MediaType(essence, charset));
    }

    public boolean is(String otherEssence) {
        return essence.equals(otherEssence);
    }

    /** Whether the body is UTF-8: stated so, or not stated (both our formats default to UTF-8). */
    public boolean isUtf8() {
        if (charset == null) {
            return true;
        }
        try {
            return Charset.forName(charset).name().equals("UTF-8");
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }
}
