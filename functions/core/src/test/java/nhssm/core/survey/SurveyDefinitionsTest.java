package nhssm.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyDefinitionsTest {

    /** Every question of SURVEY.md with its type and codes, in table order, written out by hand from the table. */
    private static final Map<String, Expected> SURVEY_MD = new LinkedHashMap<>();

    private record Expected(String section, String type, List<String> codes) {
    }

    private static void row(String id, String section, String type, String... codes) {
        SURVEY_MD.put(id, new Expected(section, type, List.of(codes)));
    }

    static {
        row("Q01", "ID", "trust");
        row("Q02", "ID", "single", "CEO", "CHAIR_NED", "EXEC_DIRECTOR", "COMMS_DIRECTOR_HEAD", "COMMS_DIGITAL_OFFICER",
                "CLINICIAN", "HR_OD", "IT_IG", "OTHER");
        row("Q04", "ID", "text");
        row("Q05", "ID", "yesno", "YES", "NO");
        row("Q06", "CH", "multiple", "X_TWITTER", "FACEBOOK", "INSTAGRAM", "LINKEDIN", "YOUTUBE", "TIKTOK", "THREADS",
                "BLUESKY", "MASTODON", "WHATSAPP_CHANNEL", "NEXTDOOR", "BLOG", "PODCAST", "OTHER", "NONE");
        row("Q07", "CH", "integer");
        row("Q08", "SP", "single", "YES", "NO", "DONT_KNOW");
        row("Q09", "CH", "multiple", "NEWS", "RECRUITMENT", "HEALTH_CAMPAIGNS", "SERVICE_ALERTS", "PATIENT_FEEDBACK",
                "STAFF_ENGAGEMENT", "FUNDRAISING_CHARITY", "CONSULTATION_SERVICE_CHANGE", "CRISIS_INCIDENT",
                "RESEARCH_EDUCATION", "OTHER");
        row("Q10", "CH", "single", "MULTI_DAILY", "DAILY", "WEEKLY_SEVERAL", "WEEKLY", "LESS_THAN_WEEKLY",
                "NO_MAIN_ACCOUNT");
        row("Q11", "LM", "single", "RESPOND_PUBLISHED_STANDARD", "RESPOND_CASE_BY_CASE", "REDIRECT_PALS_ONLY",
                "NO_RESPONSE", "DONT_KNOW");
        row("Q12", "LM", "single", "OFFICE_HOURS", "EXTENDED_HOURS", "H24_7", "NO_DEFINED_HOURS");
        row("Q13", "SP", "single", "STANDALONE", "PART_OF_COMMS_ENGAGEMENT_STRATEGY", "IN_DEVELOPMENT", "NONE",
                "DONT_KNOW");
        row("Q14", "SP", "single", "CURRENT_REVIEWED_2Y", "EXISTS_OLDER", "IN_DEVELOPMENT", "NONE", "DONT_KNOW");
        row("Q15", "SP", "likert", "NOT_APPLICABLE");
        row("Q16", "SP", "multiple", "PERSONAL_USE", "PROFESSIONAL_USE", "CONFIDENTIALITY_IG", "PATIENT_IMAGE_CONSENT",
                "ONLINE_ABUSE_OF_STAFF", "ACCOUNT_GOVERNANCE", "CRISIS_ESCALATION", "ACCESSIBLE_POSTING",
                "PRE_ELECTION_IMPARTIALITY", "AI_GENERATED_CONTENT", "NONE");
        row("Q17", "SA", "single", "ALL_STAFF", "SOME_STAFF_GROUPS", "ON_REQUEST", "BLOCKED", "DONT_KNOW");
        row("Q18", "SA", "likert", "DONT_KNOW");
        row("Q19", "SA", "single", "YES", "NO", "DONT_KNOW");
        row("Q20", "LB", "single", "POSTS_MONTHLY_OR_MORE", "HAS_ACCOUNT_RARELY_POSTS", "NO_ACCOUNT", "DONT_KNOW");
        row("Q21", "LB", "integer");
        row("Q22", "LB", "integer");
        row("Q23", "LB", "single", "QUARTERLY_OR_MORE", "AT_LEAST_ANNUALLY", "AD_HOC", "NEVER", "DONT_KNOW");
        row("Q24", "LB", "likert", "DONT_KNOW");
        row("Q25", "TR", "multiple", "INDUCTION", "ELEARNING", "WORKSHOPS", "LEADER_COACHING", "GUIDANCE_ONLY", "NONE");
        row("Q26", "TR", "single", "LT10", "10_24", "25_49", "50_74", "75_PLUS", "DONT_KNOW");
        row("Q27", "LM", "single", "LISTENING_TOOL", "NATIVE_ANALYTICS_ONLY", "MANUAL", "NONE");
        row("Q28", "LM", "multiple", "PATIENT_EXPERIENCE_PALS", "SERVICE_IMPROVEMENT", "BOARD_REPORTS",
                "INCIDENT_DETECTION", "RECRUITMENT", "NOT_USED");
        row("Q29", "LM", "likert");
        row("Q30", "RS", "decimal");
        row("Q31", "RS", "single", "NONE", "LT5K", "5K_25K", "25K_100K", "GT100K", "PREFER_NOT");
        row("Q32", "ME", "multiple", "FOLLOWERS", "REACH_IMPRESSIONS", "ENGAGEMENT_RATE", "SENTIMENT", "RESPONSE_TIME",
                "WEB_REFERRALS", "RECRUITMENT_APPLICATIONS", "CAMPAIGN_OUTCOMES", "QUALITATIVE_STORIES", "NONE");
        row("Q33", "ME", "likert", "DONT_KNOW");
        row("Q34", "BB", "multiple", "PATIENT_FEEDBACK", "RECRUITMENT", "STAFF_MORALE", "REPUTATION_TRUST",
                "FASTER_CRISIS_COMMS", "CAMPAIGN_REACH", "LEARNING_NETWORKS", "COST_SAVING", "NONE_YET");
        row("Q35", "BB", "multiple", "STAFF_TIME", "SKILLS", "IG_CONFIDENTIALITY", "IT_BLOCKING", "LEADERSHIP_SCEPTICISM",
                "ABUSE_TROLLING", "BUDGET", "UNCLEAR_VALUE", "PLATFORM_CHANGE", "OTHER");
        row("Q36", "BB", "single", "NEVER", "1_5", "6_20", "GT20", "DONT_KNOW");
        row("Q37", "MA", "likert");
        row("Q38", "MA", "likert");
        row("Q39", "MA", "likert");
        row("Q40", "MA", "likert");
        row("Q41", "AC", "multiple", "IMAGE_ALT_TEXT", "VIDEO_CAPTIONS", "CAMELCASE_HASHTAGS", "PLAIN_ENGLISH",
                "COMMUNITY_LANGUAGES", "BSL_CONTENT", "NONE");
        row("Q42", "EX", "text");
        row("Q42_CONSENT", "EX", "yesno", "YES", "NO");
        row("Q43", "EX", "text");
        row("Q44", "ID", "yesno", "YES", "NO");
    }

    private static SurveyDefinition round2026() {
        return SurveyDefinitions.forRound("2026").orElseThrow();
    }

    private static String file2026() throws IOException {
        try (InputStream in = SurveyDefinitions.class.getResourceAsStream("/nhssm/survey/2026.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String typeName(AnswerSpec spec) {
        return switch (spec) {
            case AnswerSpec.FromToken t -> "trust";
            case AnswerSpec.Single s -> "single";
            case AnswerSpec.Multiple m -> "multiple";
            case AnswerSpec.WholeNumber n -> "integer";
            case AnswerSpec.DecimalNumber d -> "decimal";
            case AnswerSpec.Likert l -> "likert";
            case AnswerSpec.YesNo y -> "yesno";
            case AnswerSpec.FreeText t -> "text";
        };
    }

    private static List<Option> options(AnswerSpec spec) {
        return switch (spec) {
            case AnswerSpec.Single s -> s.options();
            case AnswerSpec.Multiple m -> m.options();
            case AnswerSpec.Likert l -> l.extraOptions();
            case AnswerSpec.YesNo y -> AnswerSpec.YesNo.OPTIONS;
            default -> List.of();
        };
    }

    private static AnswerSpec answer(String id) {
        return round2026().question(id).orElseThrow().answer();
    }

    @Test
    void forRound_shouldHaveEveryQuestionOfSurveyMdWithTypeSectionAndCodes_whenRoundIs2026() {
        // Arrange
        SurveyDefinition definition = round2026();

        // Act
        Map<String, Expected> actual = new LinkedHashMap<>();
        definition.questions().forEach(q -> actual.put(q.id(), new Expected(q.section(), typeName(q.answer()),
                options(q.answer()).stream().map(Option::code).toList())));

        // Assert
        assertThat(actual).containsExactlyEntriesOf(SURVEY_MD);
    }

    @Test
    void forRound_shouldDescribeTheRound_whenRoundIs2026() {
        // Arrange / Act
        SurveyDefinition definition = round2026();

        // Assert
        assertThat(definition.round()).isEqualTo("2026");
        assertThat(definition.definitionVersion()).isEqualTo("2026.1");
        assertThat(definition.title()).contains("social media in the NHS").contains("2026");
        assertThat(definition.window().opensAt()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(definition.window().closesAt()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(definition.censusDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(definition.namedReportConsent()).isEqualTo("Q05");
        assertThat(definition.sections()).extracting(Section::code)
                .containsExactly("ID", "CH", "SP", "SA", "LB", "TR", "LM", "RS", "ME", "BB", "MA", "AC", "EX");
        assertThat(definition.sections()).allSatisfy(s -> assertThat(s.title()).isNotBlank());
    }

    @Test
    void forRound_shouldGiveEveryQuestionALabelAndTheShortFormOfSurveyMd_whenRoundIs2026() {
        // Arrange / Act
        SurveyDefinition definition = round2026();

        // Assert
        assertThat(definition.questions()).allSatisfy(q -> {
            assertThat(q.label()).isNotBlank();
            assertThat(q.shortLabel()).isNotBlank();
            assertThat(options(q.answer())).allSatisfy(o -> assertThat(o.label()).isNotBlank().isNotEqualTo(o.code()));
        });
        assertThat(definition.question("Q02").orElseThrow().shortLabel()).isEqualTo("Your role");
        assertThat(definition.question("Q07").orElseThrow().hint()).isEqualTo("Include service and department accounts");
        assertThat(definition.question("Q30").orElseThrow().hint()).startsWith("For example 1.5");
        assertThat(definition.question("Q04").orElseThrow().hint()).startsWith("Never published");
        assertThat(options(answer("Q06"))).contains(new Option("X_TWITTER", "X (Twitter)"));
        assertThat(options(answer("Q02"))).contains(new Option("CHAIR_NED", "Chair or non-executive director"));
        assertThat(options(answer("Q26"))).contains(new Option("10_24", "10–24%"));
    }

    @Test
    void forRound_shouldMarkAudienceRequirementAndPerceptionAsSurveyMd_whenRoundIs2026() {
        // Arrange
        SurveyDefinition definition = round2026();
        Set<String> officialOnly = Set.of("Q04", "Q05", "Q07", "Q21", "Q22", "Q26", "Q30", "Q31", "Q44");
        Set<String> requiredFromAll = Set.of("Q02", "Q06", "Q13", "Q14", "Q17", "Q37", "Q38", "Q39", "Q40");
        Set<String> requiredFromOfficial = Set.of("Q22", "Q44");
        Set<String> perception = Set.of("Q15", "Q18", "Q24", "Q29", "Q33", "Q37", "Q38", "Q39", "Q40");

        // Act / Assert
        assertThat(definition.questions()).allSatisfy(q -> {
            assertThat(q.audience()).as(q.id()).isEqualTo(officialOnly.contains(q.id()) ? Audience.OFFICIAL : Audience.ALL);
            assertThat(q.required()).as(q.id()).isEqualTo(requiredFromAll.contains(q.id()) ? Requirement.ALL
                    : requiredFromOfficial.contains(q.id()) ? Requirement.OFFICIAL : Requirement.NONE);
            assertThat(q.perception()).as(q.id()).isEqualTo(perception.contains(q.id()));
        });
    }

    @Test
    void forRound_shouldCarryChoiceLimitsAndExclusiveCodes_whenRoundIs2026() {
        // Arrange
        Map<String, List<String>> exclusive = new LinkedHashMap<>();
        Map<String, Integer> limits = new LinkedHashMap<>();

        // Act
        round2026().questions().stream()
                .filter(q -> q.answer() instanceof AnswerSpec.Multiple)
                .forEach(q -> {
                    AnswerSpec.Multiple m = (AnswerSpec.Multiple) q.answer();
                    exclusive.put(q.id(), m.exclusive());
                    m.limit().ifPresent(max -> limits.put(q.id(), max));
                });

        // Assert
        assertThat(limits).containsOnly(entry("Q09", 5), entry("Q34", 3), entry("Q35", 3));
        assertThat(exclusive).containsOnly(
                entry("Q06", List.of("NONE")), entry("Q09", List.of()), entry("Q16", List.of("NONE")),
                entry("Q25", List.of("NONE")), entry("Q28", List.of("NOT_USED")), entry("Q32", List.of("NONE")),
                entry("Q34", List.of("NONE_YET")), entry("Q35", List.of()), entry("Q41", List.of("NONE")));
    }

    @Test
    void forRound_shouldCarryNumberBounds_whenRoundIs2026() {
        // Arrange / Act / Assert
        assertThat(answer("Q07")).isEqualTo(new AnswerSpec.WholeNumber(0, 500, null));
        assertThat(answer("Q21")).isEqualTo(new AnswerSpec.WholeNumber(0, 40, "Q22"));
        assertThat(answer("Q22")).isEqualTo(new AnswerSpec.WholeNumber(1, 40, null));
        AnswerSpec.DecimalNumber wte = (AnswerSpec.DecimalNumber) answer("Q30");
        assertThat(wte.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(wte.max()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(wte.decimalPlaces()).isEqualTo(1);
    }

    @Test
    void forRound_shouldCarryLikertAnchorsAndExtras_whenRoundIs2026() {
        // Arrange
        Map<String, String> maturity = Map.of(
                "1", "Ad hoc", "2", "Emerging", "3", "Established", "4", "Integrated", "5", "Embedded");

        // Act
        AnswerSpec.Likert policy = (AnswerSpec.Likert) answer("Q15");
        AnswerSpec.Likert conversation = (AnswerSpec.Likert) answer("Q29");

        // Assert
        assertThat(policy.anchors().get("1")).containsIgnoringCase("restricts");
        assertThat(policy.anchors().get("5")).containsIgnoringCase("encourages");
        assertThat(policy.extraOptions()).extracting(Option::code).containsExactly("NOT_APPLICABLE");
        assertThat(conversation.anchors().get("1")).containsIgnoringCase("broadcasting");
        assertThat(conversation.anchors().get("5")).containsIgnoringCase("conversation");
        assertThat(conversation.extraOptions()).isEmpty();
        for (String id : List.of("Q18", "Q24", "Q33")) {
            AnswerSpec.Likert agreement = (AnswerSpec.Likert) answer(id);
            assertThat(agreement.anchors()).containsEntry("1", "Strongly disagree").containsEntry("5", "Strongly agree");
            assertThat(agreement.extraOptions()).extracting(Option::code).containsExactly("DONT_KNOW");
        }
        for (String id : List.of("Q37", "Q38", "Q39", "Q40")) {
            assertThat(answer(id)).isEqualTo(new AnswerSpec.Likert(1, 5, maturity, List.of()));
        }
    }

    @Test
    void forRound_shouldCarryYesNoTextAndRestrictionRules_whenRoundIs2026() {
        // Arrange
        SurveyDefinition definition = round2026();

        // Act / Assert
        assertThat(answer("Q05")).isEqualTo(new AnswerSpec.YesNo("NO", false));
        assertThat(answer("Q42_CONSENT")).isEqualTo(new AnswerSpec.YesNo("NO", false));
        assertThat(answer("Q44")).isEqualTo(new AnswerSpec.YesNo(null, true));
        assertThat(answer("Q04")).isEqualTo(new AnswerSpec.FreeText(254, "email", Readership.CENSUS_TEAM, null));
        assertThat(answer("Q42")).isEqualTo(
                new AnswerSpec.FreeText(1500, null, Readership.PUBLIC, "Q42_CONSENT"));
        assertThat(answer("Q43")).isEqualTo(new AnswerSpec.FreeText(1000, null, Readership.TRUST, null));
        assertThat(definition.question("Q15").orElseThrow().restriction())
                .isEqualTo(new Restriction("Q14", List.of("NONE", "DONT_KNOW"), List.of("NOT_APPLICABLE")));
        assertThat(definition.question("Q16").orElseThrow().restriction())
                .isEqualTo(new Restriction("Q14", List.of("NONE"), List.of()));
        assertThat(definition.questions()).filteredOn(q -> q.restriction() != null)
                .extracting(Question::id).containsExactly("Q15", "Q16");
    }

    @Test
    void forRound_shouldReturnTheCachedDefinition_whenCalledTwice() {
        // Arrange / Act
        SurveyDefinition first = round2026();
        SurveyDefinition second = round2026();

        // Assert
        assertThat(second).isSameAs(first);
    }

    @Test
    void forRound_shouldReturnEmpty_whenNoDefinitionExistsForTheRound() {
        // Arrange / Act / Assert
        assertThat(SurveyDefinitions.forRound("2025")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../etc", "../../etc/passwd", "2026/../2026", "2026.json", "20266", "202", " 2026",
        "2026\n", "２０２６", "٢٠٢٦", "%32026"})
    void forRound_shouldReturnEmpty_whenRoundIsNotAFourDigitYear(String round) {
        // Arrange / Act / Assert
        assertThat(SurveyDefinitions.forRound(round)).isEmpty();
    }

    @Test
    void toJson_shouldReadBackAsTheSameDefinition_whenWritten() {
        // Arrange
        SurveyDefinition definition = round2026();

        // Act
        String json = SurveyDefinitions.toJson(definition);

        // Assert
        assertThat(SurveyDefinitions.parse(json, "toJson output")).isEqualTo(definition);
    }

    @Test
    void toJson_shouldWriteTheShapeOfTheFile_whenWritten() {
        // Arrange
        SurveyDefinition definition = round2026();

        // Act
        String json = SurveyDefinitions.toJson(definition);

        // Assert
        assertThat(json)
                .contains("\"window\":{\"opensAt\":\"2026-10-01T00:00:00Z\",\"closesAt\":\"2027-02-01T00:00:00Z\"}")
                .contains("\"censusDate\":\"2026-10-01\"")
                .contains("\"namedReportConsent\":\"Q05\"")
                .contains("\"limits\":{\"individualResponsesPerStaffLink\":50,\"individualResponsesPerTrust\":300}")
                .contains("\"answer\":{\"type\":\"trust\"}")
                .contains("\"type\":\"likert\",\"min\":1,\"max\":5,\"anchors\":{\"1\":\"Ad hoc\",\"2\":\"Emerging\"")
                .contains("\"type\":\"decimal\",\"min\":0.0,\"max\":50.0,\"decimalPlaces\":1")
                .contains("\"audience\":\"OFFICIAL\"")
                .doesNotContain("null")
                .doesNotContain("\"limit\"").doesNotContain("\"hintText\"").doesNotContain("\"byId\"");
    }

    @Test
    void parse_shouldAcceptTheBundledFile_whenUnchanged() throws IOException {
        // Arrange
        String file = file2026();

        // Act
        SurveyDefinition definition = SurveyDefinitions.parse(file, "2026.json");

        // Assert
        assertThat(definition).isEqualTo(round2026());
    }

    @Test
    void parse_shouldFail_whenAPropertyIsUnknown() throws IOException {
        // Arrange
        String json = file2026()
                .replace("\"shortLabel\": \"Your role\",", "\"shortLabel\": \"Your role\", \"colour\": \"blue\",");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("colour");
    }

    @Test
    void forRound_shouldReadTheCapsOnIndividualResponses_fromTheFile() {
        assertThat(round2026().limits()).isEqualTo(new ResponseLimits(50, 300));
    }

    @Test
    void parse_shouldFail_whenTheLimitsAreMissingOrContradictory() throws IOException {
        String limits = "\"limits\": {\"individualResponsesPerStaffLink\": 50, \"individualResponsesPerTrust\": 300},";
        String missing = file2026().replace(limits, "");
        String contradictory = file2026().replace(limits,
                "\"limits\": {\"individualResponsesPerStaffLink\": 50, \"individualResponsesPerTrust\": 10},");

        assertThatThrownBy(() -> SurveyDefinitions.parse(missing, "test")).hasMessageContaining("limits is missing");
        assertThatThrownBy(() -> SurveyDefinitions.parse(contradictory, "test")).hasMessageContaining("per trust");
    }

    @Test
    void parse_shouldFail_whenAnEnumValueIsNotUpperCase() throws IOException {
        // Arrange
        String json = file2026().replaceFirst("\"audience\": \"OFFICIAL\"", "\"audience\": \"official\"");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parse_shouldFail_whenAQuestionIsInAnUndefinedSection() throws IOException {
        // Arrange
        String json = file2026().replace("{\"code\": \"TR\", \"title\": \"Training\"},", "");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("question Q25: section TR is not defined");
    }

    @Test
    void parse_shouldFail_whenAQuestionIdIsDuplicated() throws IOException {
        // Arrange
        String json = file2026().replace("\"id\": \"Q08\"", "\"id\": \"Q07\"");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("question Q07 is defined twice");
    }

    @Test
    void parse_shouldFail_whenATextForThePublicNamesNoConsent_orAPrivateTextNamesOne() throws IOException {
        // Arrange: Q42 for the public without its consent question; Q43, for the trust, with one.
        String json = file2026()
                .replace("\"readers\": \"PUBLIC\",\n        \"consentQuestion\": \"Q42_CONSENT\"", "\"readers\": \"PUBLIC\"")
                .replace("\"maxLength\": 1000,\n        \"readers\": \"TRUST\"",
                        "\"maxLength\": 1000,\n        \"readers\": \"TRUST\", \"consentQuestion\": \"Q42_CONSENT\"");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("question Q42: readers PUBLIC needs a consentQuestion")
                .hasMessageContaining("question Q43: a consentQuestion is only for readers PUBLIC");
    }

    @Test
    void readers_shouldIncludeNarrowerReaders_andPublicTextNeedsConsent() {
        AnswerSpec.FreeText example = new AnswerSpec.FreeText(10, null, Readership.PUBLIC, "Q42_CONSENT");
        AnswerSpec.FreeText comment = new AnswerSpec.FreeText(10, null, Readership.TRUST, null);
        AnswerSpec.FreeText contact = new AnswerSpec.FreeText(10, "email", null, null);

        assertThat(example.readableBy(Readership.PUBLIC, true)).isTrue();
        assertThat(example.readableBy(Readership.PUBLIC, false)).isFalse();
        assertThat(example.readableBy(Readership.TRUST, false)).isTrue();
        assertThat(comment.readableBy(Readership.PUBLIC, true)).isFalse();
        assertThat(comment.readableBy(Readership.TRUST, false)).isTrue();
        assertThat(comment.readableBy(Readership.CENSUS_TEAM, false)).isTrue();
        assertThat(contact.readers()).as("the narrowest when not given").isEqualTo(Readership.CENSUS_TEAM);
        assertThat(contact.readableBy(Readership.TRUST, true)).isFalse();
    }

    @Test
    void parse_shouldFail_whenRestrictionAtMostOrConsentReferToMissingQuestions() throws IOException {
        // Arrange
        String json = file2026()
                .replace("{\"question\": \"Q14\", \"in\": [\"NONE\"]", "{\"question\": \"Q99\", \"in\": [\"NONE\"]")
                .replace("\"atMost\": \"Q22\"", "\"atMost\": \"Q98\"")
                .replace("\"consentQuestion\": \"Q42_CONSENT\"", "\"consentQuestion\": \"Q97\"");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("question Q16: restriction refers to question Q99")
                .hasMessageContaining("question Q21: atMost refers to question Q98")
                .hasMessageContaining("question Q42: consentQuestion Q97 does not exist");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Q99         | namedReportConsent Q99 does not exist",
        "Q02         | namedReportConsent Q02 is not a yes/no question",
        "Q42_CONSENT | namedReportConsent Q42_CONSENT is not asked only in the official return",
        "''          | namedReportConsent is missing",
    })
    void parse_shouldFail_whenNamedReportConsentIsNotAnOfficialYesNoQuestion(String question, String problem)
            throws IOException {
        // Arrange: only the official return speaks for the trust, so only it may consent to a named report
        String json = file2026()
                .replace("\"namedReportConsent\": \"Q05\"", "\"namedReportConsent\": \"" + question + "\"");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(problem);
    }

    @Test
    void parse_shouldFail_whenNamedReportConsentIsAbsent() throws IOException {
        // Arrange
        String json = file2026().replace("\"namedReportConsent\": \"Q05\",", "");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("namedReportConsent is missing");
    }

    @Test
    void parse_shouldFail_whenAnExclusiveCodeIsNotAnOption() throws IOException {
        // Arrange
        String json = file2026().replace("\"exclusive\": [\"NOT_USED\"]", "\"exclusive\": [\"NEVER_USED\"]");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("question Q28: exclusive code NEVER_USED is not one of its options");
    }

    @Test
    void parse_shouldFail_whenTheWindowClosesBeforeItOpens() throws IOException {
        // Arrange
        String json = file2026().replace("\"closesAt\": \"2027-02-01T00:00:00Z\"", "\"closesAt\": \"2026-09-01T00:00:00Z\"");

        // Act / Assert
        assertThatThrownBy(() -> SurveyDefinitions.parse(json, "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must open before it closes");
    }
}
