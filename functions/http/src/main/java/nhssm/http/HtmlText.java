package nhssm.http;

/**
 * Text made safe to place in HTML or inline SVG, as element content or as a double-quoted attribute value.
 *
 * <p>Every string a report shows may have been typed by a respondent, so none is ever written unescaped:
 * the five markup characters become references, and characters HTML does not allow in a document
 * (control characters, unpaired surrogates, noncharacters) become U+FFFD, visibly, instead of vanishing.
 */
public final class HtmlText {

    private static final char REPLACEMENT = '\uFFFD';

    private HtmlText() {
    }

    /** The text escaped for element content and for double- or single-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                        if (isNoncharacter(codePoint)) {
                            out.append(REPLACEMENT);
                        } else {
                            out.append(c).append(text.charAt(i + 1));
                        }
                        i++;
                    } else if (Character.isSurrogate(c) || isDisallowed(c)) {
                        out.append(REPLACEMENT);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Controls other than tab, line feed, form feed and carriage return, and the BMP noncharacters. */
    private static boolean isDisallowed(char c) {
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r'
                || c >= 0x7F && c <= 0x9F;
        return control || isNoncharacter(c);
    }

    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
