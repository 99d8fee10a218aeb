package nhssm.core.survey;

/**
 * Who an output is for, and who may read a free-text answer: the census team alone, the trust (its lead, and the
 * census team), or the public (anyone, through a published report). Ordered from the narrowest to the widest, so a
 * text for the trust may be read by the census team too but never by the public.
 */
public enum Readership {
    /** The census team only: contact details, which no report prints. */
    CENSUS_TEAM,
    /** The trust's own report for its lead and the census team, never a published one. */
    TRUST,
    /** Anyone: the national report and a published trust report, only with the writer's consent. */
    PUBLIC;

    /** Whether {@code reader} is among the readers this one stands for (a text for the trust is the census team's too). */
    public boolean includes(Readership reader) {
        return reader.ordinal() <= ordinal();
    }
}
