package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;
import org.safemobility.http.PageRequest;

/** Stuck work: workflow steps that failed (e.g. a referral without consent to share), and retrying them. */
@Path("/api/v1/incidents")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class IncidentResource {

    @Inject
    Incidents incidents;

    @GET
    @Operation(operationId = "listIncidents", summary = "Open incidents of the caller's offices, newest first")
    @APIResponse(responseCode = "200", description = "A page of incidents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Incidents.Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Incidents.Page list(
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @BeanParam @Valid PageRequest paging) {
        return incidents.list(office, paging.page(), paging.size());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryIncident", summary = "Run the failed step again (resets its job's retries to one)")
    @APIResponse(responseCode = "202", description = "The step will run again shortly",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Incidents.IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No such incident in the caller's offices")
    @APIResponse(responseCode = "409", description = "The incident is not a failed job")
    public Response retry(@PathParam("id") String id) {
        return Response.accepted(incidents.retry(id)).build();
    }
}
