package org.safemobility.errors;

/** The caller changed a record on the strength of a version that is no longer the current one. */
public class StaleVersion extends DomainException {

    public StaleVersion(String detail) {
        super(detail);
    }
}
