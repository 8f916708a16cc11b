package org.safemobility.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** Admins maintain the offices and schedule when each takes applications. */
@Path("/api/v1/admin/offices")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OfficeAdminResource {

    @Inject
    OfficeAdministration offices;

    @GET
    @Operation(operationId = "listOffices", summary = "All offices, with today's intake state")
    @APIResponse(responseCode = "200", description = "The offices", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = OfficeAdministration.OfficeView.class)))
    public List<OfficeAdministration.OfficeView> list() {
        return offices.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getOffice", summary = "One office")
    @APIResponse(responseCode = "200", description = "The office",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeAdministration.OfficeView.class)))
    @APIResponse(responseCode = "404", description = "No such office")
    public OfficeAdministration.OfficeView get(@PathParam("code") String code) {
        return offices.get(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOffice", summary = "Add an office")
    @APIResponse(responseCode = "201", description = "The office",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeAdministration.OfficeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "409", description = "The code exists")
    public Response create(@NotNull(message = "a JSON body is required") @Valid OfficeAdministration.OfficeRequest body, UriInfo uri) {
        OfficeAdministration.OfficeView created = offices.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOffice", summary = "Change an office (name, time zone, intake weekdays, daily quota)",
            description = "Every replica uses the change within seconds.")
    @APIResponse(responseCode = "200", description = "The office",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeAdministration.OfficeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "404", description = "No such office")
    @APIResponse(responseCode = "412", description = "The office changed since the version sent")
    public OfficeAdministration.OfficeView update(@PathParam("code") String code,
            @NotNull(message = "a JSON body is required") @Valid OfficeAdministration.OfficeRequest body) {
        return offices.update(code, body);
    }

    @GET
    @Path("/{code}/intake")
    @Operation(operationId = "getIntakeSchedule", summary = "Today's intake state and every scheduled change")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeAdministration.Schedule.class)))
    @APIResponse(responseCode = "404", description = "No such office")
    public OfficeAdministration.Schedule schedule(@PathParam("code") String code) {
        return offices.schedule(code);
    }

    @POST
    @Path("/{code}/intake")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleIntakeChange", summary = "Open, pause or close intake from a day on",
            description = "From effectiveFrom (the office's calendar, today or later) until the next change. Pausing or "
                    + "closing needs the message applicants will see.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeAdministration.IntakeChangeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "404", description = "No such office")
    @APIResponse(responseCode = "409", description = "A change from that day exists")
    public Response scheduleChange(@PathParam("code") String code,
            @NotNull(message = "a JSON body is required") @Valid OfficeAdministration.IntakeChangeRequest body, UriInfo uri) {
        OfficeAdministration.IntakeChangeView created = offices.scheduleChange(code, body);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @DELETE
    @Path("/{code}/intake/{id}")
    @Operation(operationId = "removeIntakeChange", summary = "Remove a change that has not taken effect yet")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such change")
    @APIResponse(responseCode = "409", description = "The change is already in effect")
    public void removeChange(@PathParam("code") String code, @PathParam("id") long id) {
        offices.removeChange(code, id);
    }
}
