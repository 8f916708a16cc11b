package org.safemobility.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** Admins record a destination's suspension of a pathway, and lift it. */
@Path("/api/v1/admin/pathway-suspensions")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PathwaySuspensionResource {

    @Inject
    PathwaySuspensions suspensions;

    @GET
    @Operation(operationId = "listPathwaySuspensions", summary = "Every pathway suspension, past, present and scheduled")
    @APIResponse(responseCode = "200", description = "The suspensions, by start", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PathwaySuspensions.SuspensionView.class)))
    public List<PathwaySuspensions.SuspensionView> list(
            @Parameter(description = "Only this pathway") @QueryParam("pathway") Pathway pathway) {
        return suspensions.list(pathway);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPathwaySuspension", summary = "One pathway suspension")
    @APIResponse(responseCode = "200", description = "The suspension",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathwaySuspensions.SuspensionView.class)))
    @APIResponse(responseCode = "404", description = "No such suspension")
    public PathwaySuspensions.SuspensionView get(@PathParam("id") UUID id) {
        return suspensions.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "suspendPathway", summary = "Suspend a pathway from a day on, for every office or one",
            description = "While suspended, an approved case is not referred: it waits on hold with no partner deadline. "
                    + "Referrals already sent are marked held and their partners told (webhook referral.held): at once when "
                    + "it starts today or earlier, otherwise within a minute of its first day.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathwaySuspensions.SuspensionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    public Response suspend(@NotNull(message = "a JSON body is required") @Valid PathwaySuspensions.SuspensionRequest body,
            UriInfo uri) {
        PathwaySuspensions.SuspensionView created = suspensions.suspend(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePathwaySuspension", summary = "Lift a suspension from a day on, or put its lifting off",
            description = "From liftedOn, cases on hold for the pathway are released and referred, and held referrals resume "
                    + "(webhook referral.resumed): at once when liftedOn is today, otherwise within a minute of that day.")
    @APIResponse(responseCode = "200", description = "The suspension",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathwaySuspensions.SuspensionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "404", description = "No such suspension")
    @APIResponse(responseCode = "412", description = "The suspension changed since the version sent")
    public PathwaySuspensions.SuspensionView change(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PathwaySuspensions.SuspensionChange body) {
        return suspensions.change(id, body);
    }
}
