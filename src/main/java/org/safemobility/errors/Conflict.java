package org.safemobility.errors;

/** The request is well formed but the case (or task, referral) is not in a state that allows it. */
public class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
