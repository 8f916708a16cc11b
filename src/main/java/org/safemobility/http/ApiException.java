package org.safemobility.http;

import java.util.List;
import org.safemobility.http.Problem.FieldError;

/**
 * A failure of the HTTP exchange itself (a header or parameter the client got wrong, a precondition, a reused
 * idempotency key), rendered as problem+json by {@link ProblemMappers}. Only the http package throws it: services
 * throw the domain's {@code org.safemobility.errors} exceptions, which ProblemMappers maps too.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, summary(errors), errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    static String summary(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
