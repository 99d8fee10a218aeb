package nhssm.core.survey;

/** Who is asked a question: everyone, or only the trust's official return (not shown on staff links). */
public enum Audience {
    ALL,
    OFFICIAL;

    /** Whether a respondent answering as {@code respondent} is asked a question meant for this audience. */
    public boolean includes(Audience respondent) {
        return this == ALL || respondent == OFFICIAL;
    }
}
