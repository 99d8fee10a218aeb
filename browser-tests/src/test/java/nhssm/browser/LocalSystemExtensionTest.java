package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import nhssm.local.SurveyLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local system a browser test gets: a lead's invitation and a staff link that work on its API. */
class LocalSystemExtensionTest {

    @RegisterExtension
    static final LocalSystemExtension LOCAL = new LocalSystemExtension();

    @Test
    void inviteLeadAndStaffLink_shouldGiveTokensThatWork_withSurveyLinksOnTheApi() throws Exception {
        SurveyLinks.Link lead = LOCAL.inviteLead("RJ1");
        SurveyLinks.Link staff = LOCAL.staffLink(lead.token());

        assertThat(staff.token()).isNotEqualTo(lead.token());
        for (SurveyLinks.Link link : List.of(lead, staff)) {
            assertThat(link.surveyLink().getScheme() + "://" + link.surveyLink().getAuthority() + "/")
                    .isEqualTo(LOCAL.apiUri().toString());
            assertThat(link.surveyLink().getPath()).isEqualTo("/survey/" + LocalSystemExtension.ROUND);
            assertThat(link.surveyLink().getQuery()).isEqualTo("token=" + link.token());
        }
        // Each token creates the kind of response it is for, in the round's window (the system's clock).
        String draft = "{\"status\":\"DRAFT\",\"answers\":{\"Q02\":\"COMMS_DIRECTOR_HEAD\"}}";
        HttpResponse<String> official = LOCAL.post("/api/rounds/2026/responses", lead.token(), draft);
        HttpResponse<String> individual = LOCAL.post("/api/rounds/2026/responses", staff.token(), draft);
        assertThat(official.statusCode()).as(official.body()).isEqualTo(201);
        assertThat(individual.statusCode()).as(individual.body()).isEqualTo(201);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(official.body()).path("kind").asText()).isEqualTo("OFFICIAL");
        assertThat(json.readTree(individual.body()).path("kind").asText()).isEqualTo("INDIVIDUAL");
        assertThat(json.readTree(individual.body()).path("trust").path("odsCode").asText()).isEqualTo("RJ1");
    }
}
