package org.safemobility.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.OfficeScope;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;

/** Re-screening of an office's closed-ineligible cases after the rules widened. */
@Path("/api/v1/admin/eligibility-rules/rescreen")
@Tag(name = "Eligibility rules")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class RescreeningResource {

    @Inject
    CaseRescreening rescreening;

    @Inject
    OfficeScope scope;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescreenClosedCases", summary = "Re-screen an office's closed-ineligible cases with the rules in force",
            description = "Each case is asked again as if applying today; each that is now eligible gets a review-rescreen "
                    + "task for the office's caseworkers, at most once per case and rules version. Runs in batches.")
    @APIResponse(responseCode = "200", description = "What was found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseRescreening.Result.class)))
    @APIResponse(responseCode = "400", description = "Unknown or missing office")
            public CaseRescreening.Result rescreen(
            @Parameter(description = "Office code; supervisors of one office may omit it") @QueryParam("office") @OfficeCode String office) {
        return rescreening.rescreen(scope.officeToInspect(office, "office"));
    }
}
