package org.safemobility.errors;

/** The office does not take applications on that day; the detail carries the office's own message for the applicant. */
public class IntakeNotOpen extends Conflict {

    public IntakeNotOpen(String detail) {
        super(detail);
    }
}
