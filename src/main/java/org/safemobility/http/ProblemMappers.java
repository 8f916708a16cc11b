package org.safemobility.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.DomainException;
import org.safemobility.errors.FourEyes;
import org.safemobility.errors.IntakeNotOpen;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotAllowed;
import org.safemobility.errors.NotFound;
import org.safemobility.errors.QuotaReached;
import org.safemobility.errors.StaleVersion;
import org.safemobility.http.Problem.FieldError;

/**
 * Turns every failure into problem+json, so that no client mistake surfaces as a 500 or an HTML page. Client errors
 * name the field at fault; unexpected errors are logged with the request id and reported without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Set<String> WRAPPERS = Set.of("body", "paging");

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), e.errors(), uri);
    }

    /** The domain's refusals: the one place that decides which status and problem type each kind becomes. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (e instanceof Invalid invalid) {
            List<FieldError> errors = invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
            return respond(ProblemType.VALIDATION, e.getMessage(), errors, uri);
        }
        if (e instanceof QuotaReached quota) {
            return Response.fromResponse(respond(ProblemType.QUOTA_REACHED, e.getMessage(), List.of(), uri))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(quota.retryAfterSeconds())).build();
        }
        ProblemType type = e instanceof NotFound ? ProblemType.NOT_FOUND
                : e instanceof FourEyes ? ProblemType.FOUR_EYES
                : e instanceof IntakeNotOpen ? ProblemType.INTAKE_NOT_OPEN
                : e instanceof Conflict ? ProblemType.CONFLICT
                : e instanceof NotAllowed ? ProblemType.FORBIDDEN
                : e instanceof StaleVersion ? ProblemType.PRECONDITION_FAILED
                : null;
        if (type == null) {
            return unexpected(e, uri); // a new kind of refusal that nobody mapped yet
        }
        return respond(type, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e, UriInfo uri) {
        return invalidField(e.parameter(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(ProblemType.VALIDATION, ApiException.summary(errors), errors, uri);
    }

    /**
     * Jackson's failures: a field that does not exist, a value of the wrong type or form, or a body that is not JSON.
     * The JSON reader throws some of them as they are and wraps others in a 400 WebApplicationException.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        // declared for this type too, so that it wins over the JSON extension's own mapper for it
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StrictJson.ControlCharacter control) {
            return invalidField(jsonPath(control), "must not contain control characters (such as NUL)", uri);
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return respond(ProblemType.MALFORMED_REQUEST, "the body nests deeper than " + StrictJson.MAX_NESTING
                    + " levels or holds a value over the parser's limits", List.of(), uri);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return json((JsonProcessingException) mapping.getCause(), uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalidField(jsonPath(unknown), "unknown field", uri);
        }
        if (e instanceof InvalidFormatException invalid) {
            return invalidField(jsonPath(invalid), expectation(invalid.getTargetType()), uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            String path = jsonPath(mismatched);
            return path.isEmpty()
                    ? respond(ProblemType.MALFORMED_REQUEST, "the body must be a JSON object", List.of(), uri)
                    : invalidField(path, expectation(mismatched.getTargetType()), uri);
        }
        if (e instanceof ValueInstantiationException construction) {
            Throwable cause = construction.getCause() != null ? construction.getCause() : construction;
            return invalidField(jsonPath(construction), cause.getMessage(), uri);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException syntax) {
            return malformed(syntax, uri); // broken JSON met while binding a field
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidField(jsonPath(mapping), "is not valid here", uri);
        }
        return malformed(e, uri);
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line %d, column %d".formatted(location.getLineNr(), location.getColumnNr());
        return respond(ProblemType.MALFORMED_REQUEST, "the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                List.of(), uri);
    }

    @ServerExceptionMapper
    public Response tooLarge(BodySizeLimit.BodyTooLarge e, UriInfo uri) {
        return respond(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "your role does not allow this operation", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(ProblemType.NOT_FOUND, "no resource at " + uri.getPath(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
        // the raw header: a Content-Type that does not parse must not make this answer fail too
        String sent = headers.getRequestHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        String shown = sent == null ? "(none)" : sent.length() > 100 || !sent.matches("[\\x20-\\x7e]*") ? "(unreadable)" : sent;
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + shown + " is not accepted here; send " + acceptedAt(uri.getPath()), List.of(), uri);
    }

    /** What the operations at a path read (their @Consumes), for the 415 answer; JSON everywhere else. */
    static String acceptedAt(String path) {
        if (path.startsWith("/api/v1/admin/eligibility-rules")) {
            return "application/xml (a DMN file)";
        }
        if (path.matches("/api/v1/cases/[^/]+")) {
            return "application/merge-patch+json (or application/json)";
        }
        return "application/json";
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(ProblemType.METHOD_NOT_ALLOWED,
                "this method is not allowed on " + uri.getPath() + "; OPTIONS lists the allowed ones", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(ProblemType.NOT_ACCEPTABLE, "this resource is served as application/json", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.status() == status).findFirst()
                .orElse(ProblemType.VALIDATION);
        return respond(type, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isConcurrentUpdate(e)) {
            LOG.debugf(e, "concurrent update on %s", uri.getPath());
            return respond(ProblemType.CONCURRENT_UPDATE, "someone else changed this record at the same moment and "
                    + "nothing of this request was kept; reload it and retry if the change still applies", List.of(), uri);
        }
        if (isOnHold(e)) {
            return respond(ProblemType.CONFLICT, "the case is on hold (a supervisor's or an admin's decision); it must be "
                    + "resumed before its tasks can be worked", List.of(), uri);
        }
        if (isDatabaseUnreachable(e)) {
            LOG.warnf("database unreachable on %s: %s", uri == null ? "?" : uri.getPath(), rootMessage(e));
            Response problem = respond(ProblemType.UNAVAILABLE, "the service cannot reach its database just now; nothing "
                    + "of this request was kept: retry after the time given", List.of(), uri);
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(ProblemType.INTERNAL, "an unexpected error occurred; quote the request id when reporting it",
                List.of(), uri);
    }

    /**
     * Optimistic locking lost a race, wherever it surfaced: Hibernate's {@code @Version} check (at flush, or at commit
     * wrapped in the transaction's rollback), the workflow engine's own revision check (matched by name, so that only
     * the workflow package depends on the engine), or PostgreSQL's serialization failure or deadlock. The whole
     * transaction rolled back, so retrying is safe.
     */
    static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException || cause instanceof org.hibernate.StaleStateException
                    || cause.getClass().getSimpleName().equals("OptimisticLockingException")
                    || (cause instanceof java.sql.SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    /** Seconds a client should wait before retrying while the database is away (a restart or fail-over takes ~10 s). */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /**
     * The database could not be reached, wherever it surfaced (Hibernate, the engine, plain JDBC): the pool found no
     * connection in time, a connection failed (SQLSTATE class 08), or the server is shutting down or starting
     * (57P01-57P03). The transaction did not commit, so the request is safe to retry; the pool reconnects by itself.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")))
                        // Agroal's pool, when no connection could be had in time, says so without a state
                        || (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The engine refused to touch a suspended process instance or task (matched by name, as above): a held case. */
    static boolean isOnHold(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("SuspendedEntityInteractionException")) {
                return true;
            }
        }
        return false;
    }

    public static Response respond(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), RequestIds.current(), Traces.currentId(), errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response challenge(UriInfo uri) {
        Response problem = respond(ProblemType.UNAUTHENTICATED, "a valid bearer token is required", List.of(), uri);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response invalidField(String field, String message, UriInfo uri) {
        List<FieldError> errors = List.of(new FieldError(field.isEmpty() ? "body" : field, message));
        return respond(ProblemType.VALIDATION, ApiException.summary(errors), errors, uri);
    }

    /**
     * Names a violated field as the client wrote it: {@code applicant.dateOfBirth}, {@code household[1].nationality},
     * or a query parameter's name. Request bodies are parameters named {@code body} by convention, so that prefix
     * is dropped.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        // parameters named body (a request body) or paging (a PageRequest) only wrap the fields the client wrote
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || (node.getKind() == ElementKind.PARAMETER && WRAPPERS.contains(node.getName()))) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && !name.isEmpty()) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + String.join(", ",
                    Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (target == LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        if (target == OffsetDateTime.class) {
            return "must be a date-time in ISO 8601 form with an offset";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }
}
