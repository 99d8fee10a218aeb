package nhssm.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FragmentIdsTest {

    @Test
    void slug_shouldKeepLettersAndDigits_joinedByHyphens() {
        assertThat(FragmentIds.slug("12. Resourcing (RS): WTE & budgets")).isEqualTo("12-resourcing-rs-wte-budgets");
        assertThat(FragmentIds.slug("Dŵr a tŷ — Gymraeg")).isEqualTo("dwr-a-ty-gymraeg");
        assertThat(FragmentIds.slug("\uD83D\uDC4D \u2014")).isEqualTo("section");
        assertThat(FragmentIds.slug("word ".repeat(30))).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-");
    }

    @Test
    void next_shouldCountRepeats_withoutTakingAnIdAlreadyGiven() {
        FragmentIds ids = new FragmentIds();

        assertThat(ids.next("Annex")).isEqualTo("annex");
        assertThat(ids.next("Annex 2")).isEqualTo("annex-2");
        assertThat(ids.next("Annex")).as("annex-2 is taken").isEqualTo("annex-3");
        assertThat(ids.next("ANNEX")).isEqualTo("annex-4");
        assertThat(ids.next("")).isEqualTo("section");
        assertThat(ids.next("—")).isEqualTo("section-2");
    }
}
