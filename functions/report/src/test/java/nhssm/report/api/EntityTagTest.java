package nhssm.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import nhssm.report.content.ReportAudience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** If-None-Match as clients and caches send it (RFC 9110 13.1.2: weak comparison). */
class EntityTagTest {

    private static final EntityTag TAG = EntityTag.of("2026-0a1b2c3d4e5f", "1/$LATEST",
            new ReportRequest.National(ReportFormat.PDF), ReportAudience.PUBLIC);

    @ParameterizedTest
    @ValueSource(strings = {"\"%s\"", "W/\"%s\"", "*", " * ", "\"a\", \"%s\"", "\"a\",W/\"%s\"", "\"a\" ,\t \"%s\" ",
            "\"a,b\", \"%s\""})
    void matchedBy_shouldMatch(String header) {
        assertThat(TAG.matchedBy(Optional.of(header.formatted(TAG.opaque())))).as(header).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"a\"", "%s", "W/%s", "\"%s", "\"a\", %s", "w/\"%s\"", "\"%sx\"", "\"\"", "*, \"a\""})
    void matchedBy_shouldNotMatch(String header) {
        assertThat(TAG.matchedBy(Optional.of(header.formatted(TAG.opaque())))).as(header).isFalse();
    }

    @Test
    void matchedBy_shouldNotMatch_withoutTheHeader() {
        assertThat(TAG.matchedBy(Optional.empty())).isFalse();
    }

    @Test
    void of_shouldDependOnEveryInput() {
        ReportRequest pdf = new ReportRequest.National(ReportFormat.PDF);

        assertThat(EntityTag.of("s", "1/$LATEST", pdf, ReportAudience.PUBLIC))
                .isEqualTo(EntityTag.of("s", "1/$LATEST", pdf, ReportAudience.PUBLIC));
        assertThat(java.util.List.of(
                EntityTag.of("s", "1/$LATEST", pdf, ReportAudience.PUBLIC),
                EntityTag.of("t", "1/$LATEST", pdf, ReportAudience.PUBLIC),
                EntityTag.of("s", "2/$LATEST", pdf, ReportAudience.PUBLIC),
                EntityTag.of("s", "1/$LATEST", new ReportRequest.National(ReportFormat.HTML), ReportAudience.PUBLIC),
                EntityTag.of("s", "1/$LATEST", new ReportRequest.ForTrust("RJ1", ReportFormat.PDF), ReportAudience.PUBLIC),
                EntityTag.of("s", "1/$LATEST", new ReportRequest.ForTrust("RJ1", ReportFormat.PDF), ReportAudience.TRUST),
                EntityTag.of("s", "1/$LATEST", new ReportRequest.ForTrust("RJZ", ReportFormat.PDF), ReportAudience.PUBLIC)))
                .doesNotHaveDuplicates();
        assertThat(EntityTag.of("s", "1/$LATEST", pdf, ReportAudience.PUBLIC).header()).matches("\"[0-9a-f]{32}\"");
    }
}
