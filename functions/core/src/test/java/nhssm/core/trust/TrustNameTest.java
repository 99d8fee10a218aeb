package nhssm.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST | King's College Hospital NHS Foundation Trust",
            "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST | Guy's and St Thomas' NHS Foundation Trust",
            "THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST"
                    + " | The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust",
            "STAFFORDSHIRE AND STOKE ON TRENT PARTNERSHIP NHS TRUST"
                    + " | Staffordshire and Stoke on Trent Partnership NHS Trust",
            "THE ONLINE NHS TRUST | The Online NHS Trust",
            "Already Mixed Case NHS Trust | Already Mixed Case NHS Trust",
    })
    void displayed_shouldUseOrdinaryCapitals_whenTheReferenceListSpellsTheNameInCapitals(String reference,
            String shown) {
        assertThat(TrustName.displayed(reference)).isEqualTo(shown);
    }

    @Test
    void displayed_shouldChangeOnlyTheCaseOfEveryNameInTheReferenceList() {
        for (Trust trust : TrustRegister.bundled().all()) {
            String shown = TrustName.displayed(trust.name());

            assertThat(shown).as(trust.odsCode()).isEqualToIgnoringCase(trust.name()).contains("NHS")
                    .isNotEqualTo(trust.name().toUpperCase(java.util.Locale.UK));
            assertThat(Character.isUpperCase(shown.charAt(0))).as(trust.odsCode()).isTrue();
        }
    }
}
