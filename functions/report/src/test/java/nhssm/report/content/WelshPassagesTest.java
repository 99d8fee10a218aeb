package nhssm.report.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nhssm.report.document.Span;
import org.junit.jupiter.api.Test;

class WelshPassagesTest {

    @Test
    void spans_shouldMarkWelshSentencesOnly_andKeepEveryCharacter() {
        String text = "We ran a bilingual campaign. Mae ein tîm wedi helpu cleifion bob dydd! And it worked 👍";

        List<Span> spans = WelshPassages.spans(text);

        assertThat(spans).containsExactly(Span.of("We ran a bilingual campaign. "),
                Span.in("cy", "Mae ein tîm wedi helpu cleifion bob dydd! "), Span.of("And it worked 👍"));
        assertThat(Blocks.spans(spans)).isEqualTo(text);
    }

    @Test
    void spans_shouldMarkTextWithLettersOnlyWelshUses() {
        assertThat(WelshPassages.spans("Dŵr a tŷ.")).containsExactly(Span.in("cy", "Dŵr a tŷ."));
    }

    @Test
    void spans_shouldLeaveEnglishAndUndecidedTextInTheDocumentLanguage() {
        assertThat(WelshPassages.spans("The team and the patients were on Facebook."))
                .containsExactly(Span.of("The team and the patients were on Facebook."));
        assertThat(WelshPassages.spans("")).containsExactly(Span.of(""));
        assertThat(WelshPassages.spans("Diolch")).containsExactly(Span.of("Diolch"));
    }
}
