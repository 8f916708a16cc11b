package org.safemobility.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeScope;
import org.safemobility.access.Roles;
import org.safemobility.codes.CountryCode;
import org.safemobility.codes.OfficeCode;
import org.safemobility.intake.OfficeIntake;

/** "Would this person be eligible?" for caseworkers, without creating a case. */
@Path("/api/v1/eligibility")
@Tag(name = "Eligibility")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A parameter is invalid or the office unknown (named in errors)")
public class EligibilityCheckResource {

    @Inject
    EligibilityRules rules;

    @Inject
    OfficeScope scope;

    @Inject
    Clock clock;

    @Inject
    OfficeIntake intake;

    @Inject
    PathwaySuspensions suspensions;

    @GET
    @Path("/check")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "checkEligibility", summary = "What-if: the eligibility decision for given inputs",
            description = "Evaluates the rules in force, exactly as for a case, and creates nothing. Says separately "
                    + "whether the office takes applications on that day (intake).")
    @APIResponse(responseCode = "200", description = "The decision and its explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibilityCheck.class)))
    public EligibilityCheck check(
            @Parameter(description = "Office code; may be omitted by staff of one office") @QueryParam("office") @OfficeCode String office,
            @Parameter(description = "ISO 3166-1 alpha-3", required = true) @QueryParam("nationality") @NotNull(message = "is required (an ISO 3166-1 alpha-3 country code, e.g. VEN)") @CountryCode String nationality,
            @Parameter(description = "When the person entered the host country (YYYY-MM-DD)", required = true)
            @QueryParam("arrivalDate") @NotNull(message = "is required (a date in the form YYYY-MM-DD)") LocalDate arrivalDate,
            @Parameter(description = "Date of the application (YYYY-MM-DD); today on the office's calendar by default")
            @QueryParam("applicationDate") LocalDate applicationDate) {
        Office scoped = scope.officeToInspect(office, "office");
        LocalDate applied = applicationDate != null ? applicationDate : LocalDate.now(clock.withZone(scoped.zone()));
        return new EligibilityCheck(rules.answer(new EligibilityQuestion(scoped.code(), nationality, arrivalDate, applied)),
                intake.statusOn(scoped, applied), suspensions.suspendedOn(scoped.code(), applied));
    }
}
