package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    private static Map<String, List<String>> parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void parse_shouldDecodePlusAndPercentEscapesAsUtf8_whenBrowserEncodedWelshAndEmoji() {
        // "ŵ ŷ 💙" as a browser sends it: UTF-8 bytes percent-encoded, the space as '+'.
        var fields = parse("Q42=%C5%B5+%C5%B7+%F0%9F%92%99&status=DRAFT");

        assertThat(fields).containsEntry("Q42", List.of("ŵ ŷ 💙")).containsEntry("status", List.of("DRAFT"));
    }

    @Test
    void parse_shouldKeepEveryValueInOrder_whenANameRepeats() {
        var fields = parse("Q06=X_TWITTER&Q06=FACEBOOK&Q06=BLOG");

        assertThat(fields.get("Q06")).containsExactly("X_TWITTER", "FACEBOOK", "BLOG");
    }

    @Test
    void parse_shouldKeepEmptyValuesAndLiteralPlusEscapes_whenPresent() {
        var fields = parse("Q07=&Q43=1%2B1%3D2&flag");

        assertThat(fields).containsEntry("Q07", List.of("")).containsEntry("Q43", List.of("1+1=2"))
                .containsEntry("flag", List.of(""));
    }

    @Test
    void parse_shouldAcceptRawUtf8Bytes_whenAClientDidNotPercentEncodeThem() {
        var fields = FormBody.parse("Q43=ŵ".getBytes(StandardCharsets.UTF_8));

        assertThat(fields).containsEntry("Q43", List.of("ŵ"));
    }

    @Test
    void parse_shouldRefuse_whenAPercentIsNotFollowedByTwoHexDigits() {
        assertThatThrownBy(() -> parse("Q43=100%")).isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("two hex digits");
        assertThatThrownBy(() -> parse("Q43=%G1")).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void parse_shouldRefuse_whenTheBytesAreNotUtf8() {
        assertThatThrownBy(() -> parse("Q43=%C3%28")).isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void parse_shouldReturnNoFields_whenTheBodyIsEmpty() {
        assertThat(parse("")).isEmpty();
    }
}
