package org.safemobility.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error shape of the API: RFC 9457 problem details, served as {@code application/problem+json}.
 * {@code errors} names each invalid field of a request; {@code requestId} lets support find the request in the logs
 * and the audit trail, {@code traceId} its trace (W3C trace context: the caller's own when it sent a
 * {@code traceparent}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", example = "urn:smo:problem:validation") URI type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "applicant.nationality: must be an ISO 3166-1 alpha-3 country code") String detail,
        @Schema(example = "/api/v1/cases") String instance,
        @Schema(description = "Correlates with logs and audit entries") String requestId,
        @Schema(description = "The request's W3C trace id: correlates with logs and traces",
                example = "4bf92f3577b34da6a3ce929d0e0e4736") String traceId,
        @Schema(description = "One entry per invalid field") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the field in the request, or the query/header parameter name",
                    example = "applicant.dateOfBirth") String field,
            @Schema(example = "must be a date in the past") String message) {
    }
}
