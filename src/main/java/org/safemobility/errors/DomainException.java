package org.safemobility.errors;

/**
 * A request the domain refuses, in the domain's words: what does not exist, what conflicts with the case's state, what
 * is invalid and where. Services throw these; only {@code org.safemobility.http} decides which status code and problem
 * type each becomes, so no service knows about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail, null, false, false); // an expected refusal: no stack trace to fill or log
    }
}
