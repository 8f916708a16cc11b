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
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** The applicant's consent to a case's purposes, as staff of its office record it. */
@Path("/api/v1/cases/{id}/consent")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class ConsentResource {

    @Inject
    Consents consents;

    @GET
    @Operation(operationId = "getConsent", summary = "The applicant's consent per purpose, and every answer given")
    @APIResponse(responseCode = "200", description = "The answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Consents.State.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public Consents.State get(@PathParam("id") UUID id) {
        return consents.read(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordConsent", summary = "Record the applicant giving or withdrawing consent for a purpose",
            description = "The same answer as the one in force changes nothing. Withdrawing PARTNER_SHARING withdraws "
                    + "the case's open referrals (their partners get referral.withdrawn and lose the package) and "
                    + "sends the case back to send-referral, which refuses until consent is given again. Withdrawing "
                    + "PROCESSING withdraws every purpose, closes the case as WITHDRAWN and erases its personal data "
                    + "(kept for statistics: office, nationality, dates, outcomes, pathway); under a legal hold the "
                    + "erasure waits for the hold to end.")
    @APIResponse(responseCode = "200", description = "Recorded; the answers now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Consents.State.class)))
    @APIResponse(responseCode = "400", description = "Unknown purpose, or given missing")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    @APIResponse(responseCode = "409", description = "Consent given to a closed case, or to one whose applicant withdrew "
            + "consent to processing")
    public Consents.State record(@PathParam("id") UUID id,
                                 @NotNull(message = "a JSON body is required") @Valid Consents.Change body) {
        return consents.change(id, body);
    }
}
