package org.safemobility.errors;

/** The caller is known, but their office, partner or part in the case does not allow this (e.g. four-eyes rules). */
public class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super(detail);
    }
}
