package nhssm.core.survey;

/** Whether a question must be answered before a response can be submitted (drafts are never held to it). */
public enum Requirement {
    /** Everyone must answer. */
    ALL,
    /** Only an official return must answer. */
    OFFICIAL,
    /** Optional: an omitted answer means "not answered", which is distinct from DONT_KNOW. */
    NONE;

    public boolean appliesTo(Audience respondent) {
        return this == ALL || (this == OFFICIAL && respondent == Audience.OFFICIAL);
    }
}
