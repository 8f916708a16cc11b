package org.safemobility.referral;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;
import org.safemobility.http.PageRequest;

/** Webhook events that could not be delivered within the retry budget, for the offices' supervisors. */
@Path("/api/v1/outbox/dead-letters")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class DeadLetterResource {

    @Inject
    Outbox outbox;

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Dead-lettered webhook events of the caller's offices, newest first")
    @APIResponse(responseCode = "200", description = "A page of dead letters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Outbox.DeadLetterPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Outbox.DeadLetterPage list(
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @BeanParam @Valid PageRequest paging) {
        return outbox.deadLetters(office,
                paging.page(), paging.size());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryDeadLetter", summary = "Deliver a dead-lettered event again (same event id, fresh retry budget)")
    @APIResponse(responseCode = "200", description = "The event, pending again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Outbox.DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such event in the caller's offices")
    @APIResponse(responseCode = "409", description = "The event is not dead-lettered")
    public Outbox.DeadLetterView retry(@PathParam("id") UUID id) {
        return outbox.retry(id);
    }
}
