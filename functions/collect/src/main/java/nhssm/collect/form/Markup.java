package nhssm.collect.form;

import nhssm.http.HtmlText;

/**
 * Builds an HTML page as text. Every value that is not a literal of this package goes through
 * {@link #text} or {@link #attribute}, so what a respondent typed is always shown as text.
 */
final class Markup {

    private final StringBuilder html = new StringBuilder(16 * 1024);

    /** Markup written by this package, never a value from outside it. */
    Markup raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Text as element content. */
    Markup text(String text) {
        html.append(HtmlText.escape(text));
        return this;
    }

    /** {@code name="value"} with the value escaped, preceded by a space. */
    Markup attribute(String name, String value) {
        html.append(' ').append(name).append("=\"").append(HtmlText.escape(value)).append('"');
        return this;
    }

    /** An element with escaped text content: {@code <tag class="…">text</tag>}. */
    Markup element(String tag, String cssClass, String text) {
        raw("<").raw(tag);
        if (cssClass != null) {
            attribute("class", cssClass);
        }
        return raw(">").text(text).raw("</").raw(tag).raw(">\n");
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
