package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** Re-screening of an office's closed-ineligible cases after the rules widened: a bulk action of its own kind. */
@Path("/api/v1/admin/eligibility-rules/rescreen")
@Tag(name = "Eligibility rules")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class RescreeningResource {

    @Inject
    BulkActions actions;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescreenClosedCases", summary = "Re-screen an office's closed-ineligible cases with the rules in force",
            description = "Each case is asked again as if applying today; each that is now eligible gets a review-rescreen "
                    + "task for the office's caseworkers, at most once per case and rules version. Runs in the background "
                    + "as a bulk action (RESCREEN): 202 with its status resource in Location.")
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for progress",
            headers = @Header(name = "Location", description = "The bulk action's status resource",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActions.View.class)))
    @APIResponse(responseCode = "400", description = "Unknown or missing office")
    public Response rescreen(
            @Parameter(description = "Office code; supervisors of one office may omit it") @QueryParam("office") @OfficeCode String office,
            @Parameter(description = "Makes a retry safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return BulkActionResource.accepted(actions, actions.request(new BulkActions.Request(BulkAction.Kind.RESCREEN, office, null, null,
                "re-screening with the eligibility rules in force", false), idempotencyKey));
    }
}
