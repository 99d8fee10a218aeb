package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void of_shouldKeepAShortValueAsItIs() {
        assertThat(Excerpt.of("600")).isEqualTo("600");
        assertThat(Excerpt.of("x".repeat(Excerpt.MAX_CHARACTERS))).hasSize(Excerpt.MAX_CHARACTERS);
        assertThat(Excerpt.of(null)).isNull();
    }

    @Test
    void of_shouldCutALongValue_sayingHowLongItWas() {
        assertThat(Excerpt.of("7".repeat(7_000_000))).isEqualTo("7".repeat(Excerpt.MAX_CHARACTERS) + "\u2026 (7000000 characters)");
    }

    @Test
    void of_shouldCutBetweenCharacters_neverInsideAnEmoji() {
        String emoji = "\uD83D\uDC99".repeat(50);

        String cut = Excerpt.of(emoji);

        assertThat(cut).startsWith("\uD83D\uDC99".repeat(Excerpt.MAX_CHARACTERS) + "\u2026").endsWith("(50 characters)");
    }
}
