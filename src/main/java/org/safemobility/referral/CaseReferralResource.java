package org.safemobility.referral;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** The referrals of a case, for its office: partners' decisions, their questions and the office's answers. */
@Path("/api/v1/cases/{id}/referrals")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CaseReferralResource {

    @Inject
    OfficeReferrals referrals;

    @Inject
    PathwayHolds holds;

    @POST
    @Path("/other-pathway")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "referToAnotherPathway", summary = "Refer a case on hold to another pathway",
            description = "For a case waiting because its approved pathway is suspended (status PATHWAY_ON_HOLD): the "
                    + "office chooses another pathway the case may take (not suspended, not declined); the referral "
                    + "to its partner follows.")
    @APIResponse(responseCode = "204", description = "Released; the referral is being sent")
    @APIResponse(responseCode = "400", description = "Not a pathway the case may take now (the ones it may take named)")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    @APIResponse(responseCode = "409", description = "The case is not waiting on a suspended pathway")
    public void referElsewhere(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PathwayHolds.ReleaseRequest body) {
        holds.chooseAnother(id, body);
    }

    @GET
    @Operation(operationId = "listCaseReferrals", summary = "The case's referrals, oldest first")
    @APIResponse(responseCode = "200", description = "The referrals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReferralViews.ForOffice.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public List<ReferralViews.ForOffice> list(@PathParam("id") UUID id) {
        return referrals.forCase(id);
    }
}
