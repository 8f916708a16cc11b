package org.safemobility.referral;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.http.PageRequest;

/** The partner API: a partner's own referrals, and its decisions on them. Scoped by the token's {@code partner} claim. */
@Path("/api/v1/partner/referrals")
@Tag(name = "Partner referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class PartnerReferralResource {

    @Inject
    PartnerReferrals referrals;

    @GET
    @Operation(operationId = "listPartnerReferrals", summary = "The calling partner's referrals, newest first")
    @APIResponse(responseCode = "200", description = "A page of referrals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralViews.PartnerPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public ReferralViews.PartnerPage list(
            @Parameter(description = "Only referrals in this status", schema = @Schema(implementation = Referral.Status.class))
            @QueryParam("status") Referral.Status status,
            @BeanParam @Valid PageRequest paging) {
        return referrals.listForPartner(status,
                paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartnerReferral", summary = "One of the calling partner's referrals, with its package")
    @APIResponse(responseCode = "200", description = "The referral",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralViews.ForPartner.class)))
    @APIResponse(responseCode = "404", description = "No such referral for this partner")
    public ReferralViews.ForPartner get(@PathParam("id") UUID id) {
        return referrals.readForPartner(id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideReferral", summary = "Accept, decline, or ask the office for more information",
            description = "Only a referral in status SENT takes a decision. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "The referral with the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralViews.ForPartner.class)))
    @APIResponse(responseCode = "400", description = "The decision is invalid (fields named)")
    @APIResponse(responseCode = "404", description = "No such referral for this partner")
    @APIResponse(responseCode = "409", description = "The referral is not waiting for a decision")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
    public ReferralViews.ForPartner decide(@PathParam("id") UUID id,
            @Parameter(description = "Client-chosen key (e.g. a UUID) that makes retries of this request safe for 24 hours")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid ReferralViews.DecisionRequest body) {
        return referrals.decide(id, body, idempotencyKey);
    }
}
