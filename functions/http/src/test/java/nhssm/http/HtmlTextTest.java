package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escape_shouldReplaceEveryMarkupCharacter() {
        assertThat(HtmlText.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void escape_shouldKeepAnyUnicodeText_whenHtmlAllowsIt() {
        String text = "dŵr a tŷ \uD83D\uDC4D\uD83C\uDFFD \u0BA4\u0BAE\u0BBF\u0BB4\u0BCD\ttab\nline";

        assertThat(HtmlText.escape(text)).isEqualTo(text);
    }

    @Test
    void escape_shouldReplaceVisibly_whatHtmlDoesNotAllow() {
        assertThat(HtmlText.escape("a\u0000b\u0007c\u007Fd\u0085e")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(HtmlText.escape("lone \uD83D and \uDC4D")).isEqualTo("lone \uFFFD and \uFFFD");
        assertThat(HtmlText.escape("non\uFDD0char\uFFFE \uD83F\uDFFF")).isEqualTo("non\uFFFDchar\uFFFD \uFFFD");
    }
}
