package org.safemobility.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.http.QueryParameters;

/** Registration and reading of cases by the staff of an office. */
@Path("/api/v1/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CaseResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    CaseRegistration registration;

    @Inject
    CaseQueries queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerCase", summary = "Register an applicant's case",
            description = "Creates the case, starts its workflow and returns it waiting in its first activity. "
                    + "Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Registered (or replayed for a repeated Idempotency-Key)",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = REPLAYED, description = "true when this is the first response replayed",
                            schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; each invalid field is named")
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
    public Response register(
            @Parameter(description = "Client-chosen key (e.g. a UUID) that makes retries of this request safe for 24 hours")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid RegistrationRequest body,
            UriInfo uri) {
        CaseRegistration.Registered registered = registration.register(body, idempotencyKey);
        CaseView view = registered.view();
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .tag(etag(view))
                .header(REPLAYED, registered.replayed())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "One case of the caller's offices")
    @APIResponse(responseCode = "200", description = "The case; its version is also the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public Response get(@PathParam("id") UUID id) {
        CaseView view = queries.view(id);
        return Response.ok(view).tag(etag(view)).build();
    }

    @GET
    @Operation(operationId = "listCases", summary = "Cases of the caller's offices, newest first",
            description = "Summaries without contact or document details; GET the case for the whole record.")
    @APIResponse(responseCode = "200", description = "A page of cases and the total matching",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseSummary.Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid (named in errors)")
    public CaseSummary.Page list(
            @Parameter(description = "Only this status", schema = @Schema(implementation = CaseStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only applicants of this nationality (ISO 3166-1 alpha-3)")
            @QueryParam("nationality") String nationality,
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") String office,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        var filter = new CaseQueries.CaseFilter(QueryParameters.office(office, "office"),
                QueryParameters.enumeration(status, "status", CaseStatus.class),
                QueryParameters.country(nationality, "nationality"));
        return queries.list(filter, QueryParameters.integer(page, "page", 0, 0, 1_000_000),
                QueryParameters.integer(size, "size", 20, 1, 100));
    }

    private static EntityTag etag(CaseView view) {
        return new EntityTag(Long.toString(view.version()));
    }
}
