package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.safemobility.codes.OfficeCode;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.http.PageRequest;

/** Hold, resume or close many of an office's cases with one decision, as an asynchronous job. */
@Path("/api/v1/bulk-actions")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class BulkActionResource {

    static final String PATH = "/api/v1/bulk-actions/";

    @Inject
    BulkActions actions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestBulkAction", summary = "Hold, resume or close every case of an office matching a filter",
            description = "With dryRun, answers 200 with how many cases it would touch and changes nothing. Otherwise the "
                    + "matching cases are fixed now and the action runs in the background: 202 with the action's status "
                    + "resource in Location. One audit entry per case, in the requester's name. A retry with the same "
                    + "Idempotency-Key names the same action.")
    @APIResponse(responseCode = "200", description = "Dry run: what it would touch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActions.Preview.class)))
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for progress",
            headers = @Header(name = "Location", description = "The action's status resource",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActions.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "403", description = "Not a supervisor of that office")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    public Response request(@NotNull(message = "a JSON body is required") @Valid BulkActions.Request body,
            @Parameter(description = "Makes a retry safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        if (body.isDryRun()) {
            return Response.ok(actions.preview(body)).build();
        }
        return accepted(actions, actions.request(body, idempotencyKey));
    }

    /** 202 with the action as it stands and its status resource in Location. */
    static Response accepted(BulkActions actions, UUID id) {
        return Response.accepted(actions.get(id)).location(URI.create(PATH + id)).build();
    }

    @GET
    @Operation(operationId = "listBulkActions", summary = "Bulk actions of the caller's offices, newest first")
    @APIResponse(responseCode = "200", description = "A page of actions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActions.Page.class)))
    public BulkActions.Page list(@Parameter(description = "Only this office") @QueryParam("office") @OfficeCode String office,
            @BeanParam @Valid PageRequest paging) {
        return actions.list(office, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBulkAction", summary = "A bulk action's progress: counts, why cases were skipped, failures")
    @APIResponse(responseCode = "200", description = "The action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActions.View.class)))
    @APIResponse(responseCode = "404", description = "No such action in the caller's offices")
    public BulkActions.View get(@PathParam("id") UUID id) {
        return actions.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelBulkAction", summary = "Stop an action that has not finished",
            description = "Cases already done stay done; the rest are left as they are.")
    @APIResponse(responseCode = "200", description = "The action, cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActions.View.class)))
    @APIResponse(responseCode = "404", description = "No such action in the caller's offices")
    @APIResponse(responseCode = "409", description = "Already finished")
    public BulkActions.View cancel(@PathParam("id") UUID id) {
        return actions.cancel(id);
    }
}
