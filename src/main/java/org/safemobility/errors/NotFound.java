package org.safemobility.errors;

/** The thing does not exist, or exists outside the caller's offices or partner (which must not be told apart). */
public class NotFound extends DomainException {

    public NotFound(String detail) {
        super(detail);
    }
}
