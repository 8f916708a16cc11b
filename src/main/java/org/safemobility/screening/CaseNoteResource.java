package org.safemobility.screening;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.http.PageRequest;

/** Internal notes on a case: the office's staff only, never shared with partners. */
@Path("/api/v1/cases/{id}/notes")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CaseNoteResource {

    @Schema(name = "NewNote")
    public record NewNote(@NotBlank @Size(max = 4000) String text) {
    }

    @Inject
    CaseNotes notes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addCaseNote", summary = "Add an internal note to a case")
    @APIResponse(responseCode = "201", description = "The note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseNotes.NoteView.class)))
    @APIResponse(responseCode = "400", description = "The text is missing or too long")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public Response add(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid NewNote body,
                        UriInfo uri) {
        CaseNotes.NoteView note = notes.add(id, body.text().strip());
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(note).build();
    }

    @GET
    @Operation(operationId = "listCaseNotes", summary = "The case's internal notes, newest first")
    @APIResponse(responseCode = "200", description = "A page of notes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseNotes.Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public CaseNotes.Page list(@PathParam("id") UUID id,
            @BeanParam @Valid PageRequest paging) {
        return notes.list(id, paging.page(), paging.size());
    }
}
