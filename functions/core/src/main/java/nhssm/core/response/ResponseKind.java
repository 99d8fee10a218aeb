package nhssm.core.response;

import nhssm.core.survey.Audience;

/** The trust's single official return, or one of any number of individual staff responses. */
public enum ResponseKind {
    OFFICIAL,
    INDIVIDUAL;

    /** The questions this kind of response is asked. */
    public Audience audience() {
        return this == OFFICIAL ? Audience.OFFICIAL : Audience.ALL;
    }
}
