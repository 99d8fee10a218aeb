package nhssm.core.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nhssm.core.response.RawAnswers;

/** Raw responses as a client would send them: complete official and individual fixtures, and a builder to vary them. */
final class Responses {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Responses() {
    }

    static Responses empty() {
        return new Responses();
    }

    /** Every question of the 2026 official return answered, valid, and consistent (Q21 ≤ Q22, Q14 has a policy). */
    static Responses completeOfficial() {
        return completeIndividual()
                .with("Q02", "COMMS_DIRECTOR_HEAD")
                .with("Q04", "comms.lead@example.nhs.uk")
                .with("Q05", "YES")
                .with("Q07", "23")
                .with("Q21", "4")
                .with("Q22", "12")
                .with("Q26", "25_49")
                .with("Q30", "2.5")
                .with("Q31", "5K_25K")
                .with("Q44", "YES");
    }

    /** Every question a staff link shows, answered and valid, in the order of the form. */
    static Responses completeIndividual() {
        return new Responses()
                .with("Q02", "CLINICIAN")
                .with("Q06", "X_TWITTER", "FACEBOOK", "LINKEDIN")
                .with("Q08", "YES")
                .with("Q09", "NEWS", "RECRUITMENT", "HEALTH_CAMPAIGNS")
                .with("Q10", "DAILY")
                .with("Q11", "RESPOND_CASE_BY_CASE")
                .with("Q12", "OFFICE_HOURS")
                .with("Q13", "PART_OF_COMMS_ENGAGEMENT_STRATEGY")
                .with("Q14", "CURRENT_REVIEWED_2Y")
                .with("Q15", "4")
                .with("Q16", "PERSONAL_USE", "CONFIDENTIALITY_IG")
                .with("Q17", "ALL_STAFF")
                .with("Q18", "DONT_KNOW")
                .with("Q19", "NO")
                .with("Q20", "POSTS_MONTHLY_OR_MORE")
                .with("Q23", "QUARTERLY_OR_MORE")
                .with("Q24", "3")
                .with("Q25", "INDUCTION", "ELEARNING")
                .with("Q27", "NATIVE_ANALYTICS_ONLY")
                .with("Q28", "PATIENT_EXPERIENCE_PALS")
                .with("Q29", "2")
                .with("Q32", "REACH_IMPRESSIONS", "ENGAGEMENT_RATE")
                .with("Q33", "4")
                .with("Q34", "RECRUITMENT", "CAMPAIGN_REACH")
                .with("Q35", "STAFF_TIME", "BUDGET")
                .with("Q36", "1_5")
                .with("Q37", "3")
                .with("Q38", "3")
                .with("Q39", "2")
                .with("Q40", "2")
                .with("Q41", "IMAGE_ALT_TEXT", "VIDEO_CAPTIONS")
                .with("Q42", "Our winter vaccination videos reached families we had not heard from before.")
                .with("Q42_CONSENT", "YES")
                .with("Q43", "Clear questions.");
    }

    /** Sets (or replaces) a question's values; no values means an empty list, "not answered". */
    Responses with(String question, String... answers) {
        values.put(question, List.of(answers));
        return this;
    }

    Responses without(String... questions) {
        for (String question : questions) {
            values.remove(question);
        }
        return this;
    }

    RawAnswers raw() {
        return RawAnswers.of(values);
    }
}
