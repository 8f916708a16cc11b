package org.safemobility.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** Erasure on request and legal holds: admins act on one case of any office. */
@Path("/api/v1/admin/cases/{id}")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CaseErasureResource {

    @Inject
    Erasure erasure;

    @Inject
    LegalHolds holds;

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "eraseCase", summary = "Erase a case's personal data on the applicant's request",
            description = "Covers the case, its household, notes, the interview, referral packages, idempotency "
                    + "records and the engine's history and variables. Kept for statistics: office, nationality, "
                    + "arrival and application dates, status, outcome, the eligibility decision, pathways and referral "
                    + "statuses. An open case ends as WITHDRAWN first, every consent withdrawn. The audit trail keeps "
                    + "that it happened, the reason and who asked (case.erased), not the data.")
    @APIResponse(responseCode = "200", description = "Erased",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Erasure.Receipt.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "A referral waits on its partner, a legal hold is set, or the case "
            + "was already erased")
    public Erasure.Receipt erase(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid Erasure.Request body) {
        return erasure.onRequest(id, body);
    }

    @PUT
    @Path("/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setLegalHold", summary = "Keep a case's data past its retention, and refuse its erasure")
    @APIResponse(responseCode = "200", description = "Held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LegalHolds.View.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case was already erased")
    public LegalHolds.View hold(@PathParam("id") UUID id,
                               @NotNull(message = "a JSON body is required") @Valid LegalHolds.Request body) {
        return holds.set(id, body);
    }

    @DELETE
    @Path("/legal-hold")
    @Operation(operationId = "liftLegalHold", summary = "Lift a case's legal hold",
            description = "An erasure asked for under the hold (consent to processing withdrawn) happens now.")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "404", description = "No such case, or no hold")
    public void lift(@PathParam("id") UUID id) {
        holds.lift(id);
    }
}
