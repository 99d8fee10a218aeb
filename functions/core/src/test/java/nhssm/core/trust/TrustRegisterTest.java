package nhssm.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustRegisterTest {

    private static final LocalDate CENSUS_2026 = LocalDate.of(2026, 10, 1);

    @Test
    void bundled_shouldHold275TrustsOf202OpenOnTheCensusDate_whenRead() {
        // Arrange / Act
        TrustRegister register = TrustRegister.bundled();

        // Assert
        assertThat(register.all()).hasSize(275);
        assertThat(register.openOn(CENSUS_2026)).hasSize(202);
    }

    @Test
    void openOn_shouldListTrustsInOdsCodeOrder_whenAsked() {
        // Arrange
        TrustRegister register = TrustRegister.bundled();

        // Act
        List<String> codes = register.openOn(CENSUS_2026).stream().map(Trust::odsCode).toList();

        // Assert
        assertThat(codes).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void find_shouldKeepTheCommasOfAQuotedName_whenTheCsvFieldIsQuoted() {
        // Arrange
        TrustRegister register = TrustRegister.bundled();

        // Act
        Trust trust = register.find("RCX").orElseThrow();

        // Assert
        assertThat(trust.name()).isEqualTo("THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST");
        assertThat(trust.type()).isEqualTo("acute");
        assertThat(trust.region()).isEqualTo("East of England");
        assertThat(trust.openDate()).isEqualTo(LocalDate.of(1992, 4, 1));
        assertThat(trust.closed()).isEmpty();
        assertThat(trust.isOpenOn(CENSUS_2026)).isTrue();
    }

    @Test
    void isOpenOn_shouldBeFalse_whenTheTrustClosedBeforeTheCensusDate() {
        // Arrange
        Trust closed = TrustRegister.bundled().find("RRP").orElseThrow();

        // Act
        boolean open = closed.isOpenOn(CENSUS_2026);

        // Assert
        assertThat(closed.closed()).contains(LocalDate.of(2024, 10, 31));
        assertThat(open).isFalse();
        assertThat(TrustRegister.bundled().openOn(CENSUS_2026)).doesNotContain(closed);
    }

    @Test
    void isOpenOn_shouldCountTheOpeningDayButNotTheClosingDay_whenOnTheBoundary() {
        // Arrange
        Trust trust = new Trust("ZZZ", "TEST NHS TRUST", "acute", "London",
                LocalDate.of(2020, 4, 1), LocalDate.of(2026, 10, 1));

        // Act / Assert
        assertThat(trust.isOpenOn(LocalDate.of(2020, 4, 1))).isTrue();
        assertThat(trust.isOpenOn(LocalDate.of(2020, 3, 31))).isFalse();
        assertThat(trust.isOpenOn(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(trust.isOpenOn(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void parse_shouldUndoubleQuotes_whenAQuotedFieldContainsThem() throws Exception {
        // Arrange
        String csv = """
                ods_code,name,type,region,open_date,close_date
                ZZ1,"THE ""QUOTED"", NHS TRUST",community,London,2001-04-01,
                """;

        // Act
        TrustRegister register = TrustRegister.parse(new BufferedReader(new StringReader(csv)));

        // Assert
        assertThat(register.find("ZZ1").orElseThrow().name()).isEqualTo("THE \"QUOTED\", NHS TRUST");
    }

    @Test
    void parse_shouldFail_whenTheHeaderIsNotTheExpectedOne() {
        // Arrange
        String csv = "code,name\nZZ1,X\n";

        // Act / Assert
        assertThatThrownBy(() -> TrustRegister.parse(new BufferedReader(new StringReader(csv))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("header");
    }
}
