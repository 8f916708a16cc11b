package org.safemobility.errors;

/**
 * A decision that must be taken by a second person was attempted by the first: the one who asked for an override
 * cannot approve it, the one who interviewed an applicant cannot approve the pathway of that case. The task stays
 * open for someone else.
 */
public class FourEyes extends Conflict {

    private final String rule;

    public FourEyes(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    /** The rule's stable name, e.g. {@code interviewer-approves-pathway}. */
    public String rule() {
        return rule;
    }
}
