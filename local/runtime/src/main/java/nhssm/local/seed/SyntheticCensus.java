package nhssm.local.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import nhssm.core.stats.PeerGroup;
import nhssm.core.stats.Thresholds;
import nhssm.core.trust.Trust;

/**
 * A deterministic, plausible census of every open trust, for local running and the demo: the same
 * seed gives the same census. Each trust has a latent maturity; its lead and staff answer around it,
 * so answers correlate within a trust (staff a little more scattered than the lead). About 70–85% of
 * each peer group responds; a few responding trusts leave their official return as a draft, so that
 * only individual responses count for them. Nothing here is real data.
 *
 * <p>Whatever the draws, every census also has one trust of each case the reports must handle (the
 * demo shows them): a peer group too thin for figures of its own ({@link #THIN_PEER_GROUP}), a trust
 * whose staff split with no majority, a trust with no official return, and an official return with an
 * example in Welsh with emoji ({@link #WELSH_EXAMPLE_WITH_EMOJI}).
 */
public final class SyntheticCensus {

    /** Share of each peer group that responds; other types respond at the lowest rate. */
    private static final Map<String, Double> RESPONSE_RATE = Map.of(
            "acute", 0.82, "acute_specialist", 0.72, "mental_health", 0.78, "community", 0.74, "ambulance", 0.85);
    private static final double OTHER_RESPONSE_RATE = 0.70;

    /**
     * The peer group that responds thinly: only its first trusts (in list order) respond, one fewer than
     * a peer group needs for figures of its own, so that the reports show its figures suppressed.
     */
    public static final PeerGroup THIN_PEER_GROUP = PeerGroup.AMBULANCE;
    static final int THIN_PEER_GROUP_RESPONDING = Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS - 1;

    /** An example in Welsh (ŵ, ŷ) with an emoji: at least one submitted official return of every census carries it. */
    public static final String WELSH_EXAMPLE_WITH_EMOJI =
            "Fe wnaeth ein fideo Cymraeg a Saesneg am frechiadau gyrraedd teuluoedd na fyddai'n darllen llythyr — ŵyn, ŷd a phopeth! 👍";

    /** The yes/no question on which the staff of the split trust divide evenly. */
    static final String SPLIT_QUESTION = "Q19";

    private static final List<String> STAFF_ROLES = List.of("CLINICIAN", "CLINICIAN", "CLINICIAN", "COMMS_DIGITAL_OFFICER",
            "COMMS_DIGITAL_OFFICER", "OTHER", "OTHER", "HR_OD", "IT_IG", "EXEC_DIRECTOR", "COMMS_DIRECTOR_HEAD", "CHAIR_NED", "CEO");

    private static final List<String> EXAMPLES = List.of(
            "A winter campaign on Instagram explained which service to use for minor illness; calls to the urgent care line about coughs and colds fell over the following month.",
            "Our maternity team answered questions in a monthly live session. Parents told us it made them feel listened to 💙",
            WELSH_EXAMPLE_WITH_EMOJI,
            "Staff stories on LinkedIn helped recruitment: three of our new healthcare assistants said the posts were why they applied.",
            "During the storm we posted service changes every hour and the switchboard had far fewer calls than the previous year.",
            "Patient feedback on Facebook led to clearer signage in outpatients — a small change people noticed straight away 👏",
            "Ein cyfrif Cymraeg sy'n rhannu newyddion am y gwasanaethau cymunedol; mae'r ymateb wedi bod yn galonogol.",
            "A community language video series (Urdu, Polish, Bengali) improved attendance at our screening clinics. 🩺");

    private static final List<String> COMMENTS = List.of(
            "It would help to see results for trusts of a similar size, not only the same type.",
            "Some questions were hard to answer for a trust with many service accounts.",
            "Diolch — please keep the questions the same next year so we can compare.",
            "We would like guidance on measuring value without relying on follower counts.");

    private SyntheticCensus() {
    }

    /**
     * About {@code size} of {@code openTrusts}, for a smaller census: the first trusts of each type, as
     * many as the type's share of the list, at least one of each type, in the order given.
     */
    public static List<Trust> sample(List<Trust> openTrusts, int size) {
        if (size >= openTrusts.size()) {
            return openTrusts;
        }
        Map<String, Long> ofType = openTrusts.stream().collect(Collectors.groupingBy(Trust::type, Collectors.counting()));
        Map<String, Integer> taken = new HashMap<>();
        List<Trust> sample = new ArrayList<>();
        for (Trust trust : openTrusts) {
            long share = Math.max(1, Math.round((double) size * ofType.get(trust.type()) / openTrusts.size()));
            if (taken.merge(trust.type(), 1, Integer::sum) <= share) {
                sample.add(trust);
            }
        }
        return sample;
    }

    /** The plan for each trust in {@code openTrusts}, in the order given. */
    public static List<TrustPlan> plan(List<Trust> openTrusts, long seed) {
        List<TrustPlan> plans = new ArrayList<>();
        int thinResponding = 0;
        for (Trust trust : openTrusts) {
            // One stream per trust, so adding a trust to the list does not change the others.
            Draw draw = new Draw(seed * 31 + trust.odsCode().hashCode());
            double rate = RESPONSE_RATE.getOrDefault(trust.type(), OTHER_RESPONSE_RATE);
            boolean drawnToRespond = draw.chance(rate);
            boolean thin = isInThinPeerGroup(trust);
            if (thin ? thinResponding >= THIN_PEER_GROUP_RESPONDING : !drawnToRespond) {
                plans.add(new TrustPlan(trust, null, List.of()));
                continue;
            }
            double maturity = Draw.clamp(0.15 + 0.7 * draw.centred() + (trust.type().equals("acute") ? 0.05 : 0));
            // The thin group's few responses must count, so that it is thin but not empty.
            String officialStatus = draw.chance(0.92) || thin ? "SUBMITTED" : "DRAFT";
            thinResponding += thin ? 1 : 0;
            TrustPlan.Answered official = new TrustPlan.Answered(officialStatus, official(trust, maturity, draw));
            int individuals = (int) Math.floor(31 * Math.pow(draw.centred(), 1.6));
            List<TrustPlan.Answered> staff = new ArrayList<>();
            for (int i = 0; i < individuals; i++) {
                double own = Draw.clamp(maturity + draw.noise(0.18));
                staff.add(new TrustPlan.Answered(draw.chance(0.9) ? "SUBMITTED" : "DRAFT",
                        individual(own, draw)));
            }
            plans.add(new TrustPlan(trust, official, staff));
        }
        return withEveryCase(plans);
    }

    /**
     * Makes sure the census has each case the reports must handle, changing as few trusts as possible,
     * each outside the thin peer group and each at most once, in list order: the first trust with two
     * or more submitted staff responses gets a split, the next with one or more loses its official
     * return, and the first other trust with a submitted official return gets the Welsh example. A
     * census too small to hold a case is left without it.
     */
    private static List<TrustPlan> withEveryCase(List<TrustPlan> plans) {
        List<TrustPlan> result = new ArrayList<>(plans);
        Set<Integer> changed = new HashSet<>();
        change(result, changed, p -> submittedIndividuals(p) >= 2, SyntheticCensus::withStaffSplit);
        change(result, changed, p -> submittedIndividuals(p) >= 1, SyntheticCensus::withoutOfficialReturn);
        change(result, changed, p -> p.official().status().equals("SUBMITTED"), SyntheticCensus::withWelshExample);
        return result;
    }

    private static void change(List<TrustPlan> plans, Set<Integer> changed, Predicate<TrustPlan> suitable,
            UnaryOperator<TrustPlan> into) {
        for (int i = 0; i < plans.size(); i++) {
            TrustPlan plan = plans.get(i);
            if (!changed.contains(i) && plan.responds() && !isInThinPeerGroup(plan.trust()) && suitable.test(plan)) {
                plans.set(i, into.apply(plan));
                changed.add(i);
                return;
            }
        }
    }

    private static boolean isInThinPeerGroup(Trust trust) {
        return trust.type().equals(THIN_PEER_GROUP.type());
    }

    private static long submittedIndividuals(TrustPlan plan) {
        return plan.individuals().stream().filter(i -> i.status().equals("SUBMITTED")).count();
    }

    /**
     * No official return, and the submitted staff responses divide evenly on {@link #SPLIT_QUESTION}
     * (YES, NO, YES, NO ...; an odd one out leaves it unanswered), so no answer has a majority.
     */
    private static TrustPlan withStaffSplit(TrustPlan plan) {
        List<TrustPlan.Answered> staff = new ArrayList<>();
        long submitted = submittedIndividuals(plan);
        int position = 0;
        for (TrustPlan.Answered individual : plan.individuals()) {
            if (!individual.status().equals("SUBMITTED")) {
                staff.add(individual);
                continue;
            }
            Map<String, Object> answers = new LinkedHashMap<>(individual.answers());
            answers.remove(SPLIT_QUESTION);
            if (position < submitted - submitted % 2) {
                answers.put(SPLIT_QUESTION, position % 2 == 0 ? "YES" : "NO");
            }
            position++;
            staff.add(new TrustPlan.Answered(individual.status(), answers));
        }
        return new TrustPlan(plan.trust(), new TrustPlan.Answered("DRAFT", plan.official().answers()), staff);
    }

    /** The lead never submits: only the staff responses count. */
    private static TrustPlan withoutOfficialReturn(TrustPlan plan) {
        return new TrustPlan(plan.trust(), new TrustPlan.Answered("DRAFT", plan.official().answers()), plan.individuals());
    }

    private static TrustPlan withWelshExample(TrustPlan plan) {
        Map<String, Object> answers = new LinkedHashMap<>(plan.official().answers());
        answers.put("Q42", WELSH_EXAMPLE_WITH_EMOJI);
        answers.put("Q42_CONSENT", "YES");
        return new TrustPlan(plan.trust(), new TrustPlan.Answered(plan.official().status(), answers), plan.individuals());
    }

    private static Map<String, Object> official(Trust trust, double m, Draw d) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Q02", d.chance(0.6) ? "COMMS_DIRECTOR_HEAD" : d.chance(0.75) ? "COMMS_DIGITAL_OFFICER" : "EXEC_DIRECTOR");
        a.put("Q04", "social.media@" + trust.odsCode().toLowerCase(java.util.Locale.ROOT) + ".nhs.example");
        a.put("Q05", d.chance(0.3 + 0.4 * m) ? "YES" : "NO");
        shared(a, m, d, true);
        boolean noPlatforms = a.get("Q06").equals(List.of("NONE"));
        a.put("Q07", noPlatforms ? 0 : Math.min(500, 1 + (int) Math.round((trust.type().equals("acute") ? 40 : 15) * m * d.centred() * 2)));
        int board = d.between(9, 16);
        int active = 0;
        for (int i = 0; i < board; i++) {
            active += d.chance(0.08 + 0.4 * m) ? 1 : 0;
        }
        a.put("Q21", active);
        a.put("Q22", board);
        a.put("Q26", d.chance(0.05) ? "DONT_KNOW" : d.ladder(m, "75_PLUS", "50_74", "25_49", "10_24", "LT10"));
        double wte = (trust.type().equals("acute") ? 4.5 : 2.5) * m * (0.5 + d.centred());
        a.put("Q30", BigDecimal.valueOf(0.2 + wte).setScale(1, RoundingMode.HALF_UP));
        a.put("Q31", d.chance(0.06) ? "PREFER_NOT" : d.ladder(m, "GT100K", "25K_100K", "5K_25K", "LT5K", "NONE"));
        a.put("Q44", "YES");
        return a;
    }

    private static Map<String, Object> individual(double m, Draw d) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Q02", d.oneOf(STAFF_ROLES));
        shared(a, m, d, false);
        return a;
    }

    /** The questions everyone is asked, answered around maturity {@code m}. */
    private static void shared(Map<String, Object> a, double m, Draw d, boolean official) {
        List<String> platforms = new ArrayList<>();
        double[][] likelihood = {{0.75, 0.1}, {0.8, 0.1}, {0.35, 0.5}, {0.45, 0.45}, {0.35, 0.4}, {0.05, 0.4},
                {0.05, 0.2}, {0.1, 0.45}, {0.02, 0.1}, {0.03, 0.15}, {0.08, 0.05}, {0.15, 0.2}, {0.03, 0.2}, {0.04, 0}};
        List<String> codes = List.of("X_TWITTER", "FACEBOOK", "INSTAGRAM", "LINKEDIN", "YOUTUBE", "TIKTOK", "THREADS",
                "BLUESKY", "MASTODON", "WHATSAPP_CHANNEL", "NEXTDOOR", "BLOG", "PODCAST", "OTHER");
        for (int i = 0; i < codes.size(); i++) {
            if (d.chance(likelihood[i][0] + likelihood[i][1] * m)) {
                platforms.add(codes.get(i));
            }
        }
        boolean none = platforms.isEmpty();
        a.put("Q06", none ? List.of("NONE") : platforms);
        a.put("Q08", d.chance(0.06) ? "DONT_KNOW" : d.chance(0.3 + 0.6 * m) ? "YES" : "NO");
        if (!none) {
            a.put("Q09", d.subset(m, 0.25, 0.35, 5, null, List.of("NEWS", "RECRUITMENT", "HEALTH_CAMPAIGNS",
                    "SERVICE_ALERTS", "PATIENT_FEEDBACK", "STAFF_ENGAGEMENT", "FUNDRAISING_CHARITY",
                    "CONSULTATION_SERVICE_CHANGE", "CRISIS_INCIDENT", "RESEARCH_EDUCATION")));
            if (((List<?>) a.get("Q09")).isEmpty()) {
                a.remove("Q09");
            }
        }
        a.put("Q10", none ? "NO_MAIN_ACCOUNT" : d.ladder(m, "MULTI_DAILY", "DAILY", "WEEKLY_SEVERAL", "WEEKLY", "LESS_THAN_WEEKLY"));
        a.put("Q11", d.chance(official ? 0.02 : 0.12) ? "DONT_KNOW"
                : d.ladder(m, "RESPOND_PUBLISHED_STANDARD", "RESPOND_CASE_BY_CASE", "REDIRECT_PALS_ONLY", "NO_RESPONSE"));
        a.put("Q12", d.ladder(m, "H24_7", "EXTENDED_HOURS", "OFFICE_HOURS", "NO_DEFINED_HOURS"));
        a.put("Q13", d.chance(official ? 0.01 : 0.1) ? "DONT_KNOW"
                : d.ladder(m, "STANDALONE", "PART_OF_COMMS_ENGAGEMENT_STRATEGY", "IN_DEVELOPMENT", "NONE"));
        String policy = d.chance(official ? 0.01 : 0.1) ? "DONT_KNOW"
                : d.ladder(m, "CURRENT_REVIEWED_2Y", "EXISTS_OLDER", "IN_DEVELOPMENT", "NONE");
        a.put("Q14", policy);
        if (policy.equals("NONE") || policy.equals("DONT_KNOW")) {
            if (d.chance(0.5)) {
                a.put("Q15", "NOT_APPLICABLE");
            }
        } else {
            a.put("Q15", d.likert(m));
        }
        if (!policy.equals("NONE")) {
            a.put("Q16", d.subset(m, 0.2, 0.6, 10, "NONE", List.of("PERSONAL_USE", "PROFESSIONAL_USE", "CONFIDENTIALITY_IG",
                    "PATIENT_IMAGE_CONSENT", "ONLINE_ABUSE_OF_STAFF", "ACCOUNT_GOVERNANCE", "CRISIS_ESCALATION",
                    "ACCESSIBLE_POSTING", "PRE_ELECTION_IMPARTIALITY", "AI_GENERATED_CONTENT")));
        }
        a.put("Q17", d.chance(official ? 0.01 : 0.08) ? "DONT_KNOW" : d.ladder(m, "ALL_STAFF", "SOME_STAFF_GROUPS", "ON_REQUEST", "BLOCKED"));
        a.put("Q18", !official && d.chance(0.08) ? "DONT_KNOW" : d.likert(m));
        a.put("Q19", d.chance(official ? 0.02 : 0.2) ? "DONT_KNOW" : d.chance(0.15 + 0.5 * m) ? "YES" : "NO");
        a.put("Q20", d.chance(official ? 0.01 : 0.2) ? "DONT_KNOW" : d.ladder(m, "POSTS_MONTHLY_OR_MORE", "HAS_ACCOUNT_RARELY_POSTS", "NO_ACCOUNT"));
        a.put("Q23", d.chance(official ? 0.02 : 0.25) ? "DONT_KNOW" : d.ladder(m, "QUARTERLY_OR_MORE", "AT_LEAST_ANNUALLY", "AD_HOC", "NEVER"));
        a.put("Q24", !official && d.chance(0.15) ? "DONT_KNOW" : d.likert(m));
        List<String> training = d.subset(m, 0.1, 0.5, 4, null, List.of("INDUCTION", "ELEARNING", "WORKSHOPS", "LEADER_COACHING"));
        a.put("Q25", !training.isEmpty() ? training : d.chance(0.5) ? List.of("GUIDANCE_ONLY") : List.of("NONE"));
        a.put("Q27", d.ladder(m, "LISTENING_TOOL", "NATIVE_ANALYTICS_ONLY", "MANUAL", "NONE"));
        a.put("Q28", d.subset(m, 0.1, 0.55, 5, "NOT_USED", List.of("PATIENT_EXPERIENCE_PALS", "SERVICE_IMPROVEMENT",
                "BOARD_REPORTS", "INCIDENT_DETECTION", "RECRUITMENT")));
        a.put("Q29", d.likert(m * 0.9));
        a.put("Q32", d.subset(m, 0.15, 0.4, 9, "NONE", List.of("FOLLOWERS", "REACH_IMPRESSIONS", "ENGAGEMENT_RATE",
                "SENTIMENT", "RESPONSE_TIME", "WEB_REFERRALS", "RECRUITMENT_APPLICATIONS", "CAMPAIGN_OUTCOMES", "QUALITATIVE_STORIES")));
        a.put("Q33", !official && d.chance(0.2) ? "DONT_KNOW" : d.likert(m * 0.95));
        a.put("Q34", m < 0.3 && d.chance(0.5) ? List.of("NONE_YET") : d.subset(m, 0.15, 0.25, 3, "NONE_YET",
                List.of("PATIENT_FEEDBACK", "RECRUITMENT", "STAFF_MORALE", "REPUTATION_TRUST", "FASTER_CRISIS_COMMS",
                        "CAMPAIGN_REACH", "LEARNING_NETWORKS", "COST_SAVING")));
        List<String> barriers = d.subset(1 - m, 0.1, 0.4, 3, null, List.of("STAFF_TIME", "SKILLS", "IG_CONFIDENTIALITY",
                "IT_BLOCKING", "LEADERSHIP_SCEPTICISM", "ABUSE_TROLLING", "BUDGET", "UNCLEAR_VALUE", "PLATFORM_CHANGE"));
        a.put("Q35", barriers.isEmpty() ? List.of("STAFF_TIME") : barriers);
        a.put("Q36", d.chance(official ? 0.02 : 0.3) ? "DONT_KNOW" : d.oneOf(List.of("NEVER", "1_5", "1_5", "6_20", "6_20", "GT20")));
        a.put("Q37", d.likert(m));
        a.put("Q38", d.likert(m + 0.05));
        a.put("Q39", d.likert(m - 0.05));
        a.put("Q40", d.likert(m - 0.1));
        a.put("Q41", d.subset(m, 0.1, 0.5, 6, "NONE", List.of("IMAGE_ALT_TEXT", "VIDEO_CAPTIONS", "CAMELCASE_HASHTAGS",
                "PLAIN_ENGLISH", "COMMUNITY_LANGUAGES", "BSL_CONTENT")));
        if (d.chance(official ? 0.45 : 0.15)) {
            a.put("Q42", d.oneOf(EXAMPLES));
            a.put("Q42_CONSENT", d.chance(0.65) ? "YES" : "NO");
        }
        if (d.chance(official ? 0.2 : 0.08)) {
            a.put("Q43", d.oneOf(COMMENTS));
        }
    }
}
