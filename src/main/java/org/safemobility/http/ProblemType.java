package org.safemobility.http;

import jakarta.ws.rs.core.Response.Status;
import java.net.URI;

/**
 * The kinds of problem the API reports. The type URIs are stable names clients may switch on; they are URNs
 * because nothing needs to be fetched from them.
 */
public enum ProblemType {
    VALIDATION(Status.BAD_REQUEST, "Request is not valid"),
    MALFORMED_REQUEST(Status.BAD_REQUEST, "Request body is not valid JSON"),
    UNAUTHENTICATED(Status.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(Status.FORBIDDEN, "Not allowed"),
    NOT_FOUND(Status.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(Status.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(Status.CONFLICT, "Conflict"),
    FOUR_EYES(Status.CONFLICT, "Another person must take this decision"),
    INTAKE_NOT_OPEN(Status.CONFLICT, "The office is not taking applications"),
    QUOTA_REACHED(Status.TOO_MANY_REQUESTS, "The office's registrations for today are complete"),
    CONCURRENT_UPDATE(Status.CONFLICT, "Someone else changed this record at the same time"),
    PRECONDITION_FAILED(Status.PRECONDITION_FAILED, "The resource changed since you read it"),
    PRECONDITION_REQUIRED(428, "If-Match required"),
    PAYLOAD_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, "Request body too large"),
    URI_TOO_LONG(Status.REQUEST_URI_TOO_LONG, "Request target too long"),
    UNSUPPORTED_MEDIA_TYPE(Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key already used for another request"),
    UNAVAILABLE(Status.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL(Status.INTERNAL_SERVER_ERROR, "Internal error");

    private final int status;
    private final String title;

    ProblemType(Status status, String title) {
        this(status.getStatusCode(), title);
    }

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("urn:smo:problem:" + name().toLowerCase().replace('_', '-'));
    }
}
