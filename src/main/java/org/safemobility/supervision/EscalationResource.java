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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;
import org.safemobility.errors.NotFound;
import org.safemobility.http.PageRequest;

/** What supervisors of an office must look at: tasks past their due date. */
@Path("/api/v1/escalations")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class EscalationResource {

    @Inject
    Escalations escalations;

    @GET
    @Operation(operationId = "listEscalations", summary = "Escalations of the supervisor's offices, newest first")
    @APIResponse(responseCode = "200", description = "A page of escalations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public EscalationView.Page list(
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @Parameter(description = "Only those not yet acknowledged (default true)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
            @QueryParam("open") Boolean open,
            @BeanParam @Valid PageRequest paging) {
        return escalations.list(office, open == null || open,
                paging.page(), paging.size());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(operationId = "acknowledgeEscalation", summary = "Mark an escalation as seen and handled")
    @APIResponse(responseCode = "200", description = "Acknowledged (again: unchanged)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "404", description = "No such escalation in the caller's offices")
    public EscalationView acknowledge(@PathParam("id") String id) {
        try {
            return escalations.acknowledge(Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw new NotFound("escalation " + id + " not found");
        }
    }
}
