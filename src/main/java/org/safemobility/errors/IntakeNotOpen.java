package org.safemobility.errors;

import java.time.LocalDate;

/** The office does not take applications on that day; the message is the office's own, for the applicant. */
public class IntakeNotOpen extends Conflict {

    private final String state;
    private final LocalDate expectedReopening;

    public IntakeNotOpen(String detail, String state, LocalDate expectedReopening) {
        super(detail);
        this.state = state;
        this.expectedReopening = expectedReopening;
    }

    public String state() {
        return state;
    }

    public LocalDate expectedReopening() {
        return expectedReopening;
    }
}
