package org.safemobility.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** A case's transfers between offices: asked by the sending office, decided in the receiving office's accept-transfer. */
@Path("/api/v1/cases/{id}/transfers")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CaseTransferResource {

    @Inject
    CaseTransfers transfers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestTransfer", summary = "Ask another office to take the case",
            description = "For staff of the case's office. The receiving office's supervisors get an accept-transfer "
                    + "task; the case goes on here until they accept. On acceptance it takes a number of the receiving "
                    + "office (the old one stays searchable), its open tasks here end, open referrals are withdrawn, "
                    + "and eligibility is decided with the receiving office's rules.")
    @APIResponse(responseCode = "201", description = "Asked; the transfer waits for the receiving office",
            headers = @Header(name = "Location", description = "The case's transfers", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseTransfers.View.class)))
    @APIResponse(responseCode = "400", description = "Unknown office, or the case's own")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    @APIResponse(responseCode = "409", description = "No consent to processing, the case is closed or held, or a "
            + "transfer is already waiting")
    public Response request(@PathParam("id") UUID id,
                            @NotNull(message = "a JSON body is required") @Valid CaseTransfers.Request body,
                            @Context UriInfo uri) {
        CaseTransfers.View view = transfers.request(id, body);
        return Response.created(uri.getAbsolutePath()).entity(view).build();
    }

    @GET
    @Operation(operationId = "listCaseTransfers", summary = "The case's transfers, oldest first",
            description = "Read by the case's office and by every office it was transferred from (which no longer "
                    + "reads the case itself): each transfer's outcome and the case's number at each office.")
    @APIResponse(responseCode = "200", description = "The transfers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseTransfers.Listing.class)))
    @APIResponse(responseCode = "404", description = "No such case for the caller's offices")
    public CaseTransfers.Listing ofCase(@PathParam("id") UUID id) {
        return new CaseTransfers.Listing(transfers.of(id));
    }
}
