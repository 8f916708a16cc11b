package org.safemobility.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.http.PageRequest;

/** Transfers into or out of an office, for its staff: what to accept, and what became of the cases it sent. */
@Path("/api/v1/transfers")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class OfficeTransferResource {

    public enum Direction {
        INCOMING, OUTGOING
    }

    @Inject
    CaseTransfers transfers;

    @GET
    @Operation(operationId = "listOfficeTransfers", summary = "Transfers into or out of an office, newest first")
    @APIResponse(responseCode = "200", description = "The transfers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseTransfers.Page.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid")
    @APIResponse(responseCode = "403", description = "The caller does not work for the office")
    public CaseTransfers.Page ofOffice(@QueryParam("office") String office,
                                       @QueryParam("direction") @DefaultValue("INCOMING") Direction direction,
                                       @QueryParam("status") CaseTransfers.Status status,
                                       @BeanParam @Valid PageRequest paging) {
        return transfers.ofOffice(office, direction == Direction.INCOMING, status, paging.page(), paging.size());
    }
}
