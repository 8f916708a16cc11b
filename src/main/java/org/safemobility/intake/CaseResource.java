package org.safemobility.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.CountryCode;
import org.safemobility.codes.OfficeCode;
import org.safemobility.errors.Invalid;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.http.PageRequest;
import org.safemobility.http.Preconditions;

/** Registration and reading of cases by the staff of an office. */
@Path("/api/v1/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CaseResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    CaseRegistration registration;

    @Inject
    CaseQueries queries;

    @Inject
    CaseWithdrawal withdrawal;

    @Inject
    CaseCorrections corrections;

    @Inject
    CaseEdits edits;

    @Inject
    CaseHistory history;

    @Inject
    PossibleDuplicates duplicates;

    @Inject
    HouseholdSplits splits;

    /** Why the applicant withdraws. */
    @Schema(name = "Withdrawal")
    public record WithdrawalRequest(@NotBlank @Size(max = 2000) @Schema(example = "Found another way to travel safely") String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerCase", summary = "Register an applicant's case",
            description = "Creates the case, starts its workflow and returns it waiting in its first activity. "
                    + "Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Registered (or replayed for a repeated Idempotency-Key)",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = REPLAYED, description = "true when this is the first response replayed",
                            schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; each invalid field is named")
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
    public Response register(
            @Parameter(description = "Client-chosen key (e.g. a UUID) that makes retries of this request safe for 24 hours")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid RegistrationRequest body,
            UriInfo uri) {
        CaseRegistration.Registered registered = registration.register(body, idempotencyKey);
        CaseView view = registered.view();
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .tag(etag(view))
                .header(REPLAYED, registered.replayed())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "One case of the caller's offices")
    @APIResponse(responseCode = "200", description = "The case; its version is also the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public Response get(@PathParam("id") UUID id) {
        CaseView view = queries.view(id);
        return Response.ok(view).tag(etag(view)).build();
    }

    @GET
    @Operation(operationId = "listCases", summary = "Find cases of the caller's offices",
            description = "Without q, newest first. With q, the best matches first: a case number, document number or "
                    + "phone number exactly, or names of the applicant and household members ignoring accents, case, "
                    + "word order and small typos. Summaries without contact or document details; GET the case for "
                    + "the whole record. Every list is audited with the cases it returned.")
    @APIResponse(responseCode = "200", description = "A page of cases and the total matching",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseSummary.Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid (named in errors)")
    public CaseSummary.Page list(
            @Parameter(description = "Search text: a case number, document or phone number, or names", example = "Maria Jose Perez")
            @QueryParam("q") @Size(min = 2, max = 200, message = "must be 2 to 200 characters") String q,
            @Parameter(description = "Only this status")
            @QueryParam("status") CaseStatus status,
            @Parameter(description = "Only applicants of this nationality (ISO 3166-1 alpha-3)")
            @QueryParam("nationality") @CountryCode String nationality,
            @Parameter(description = "Only applicants born on this day (YYYY-MM-DD)") @QueryParam("dateOfBirth") LocalDate dateOfBirth,
            @Parameter(description = "Only cases registered on or after this day (UTC, YYYY-MM-DD)")
            @QueryParam("registeredFrom") LocalDate registeredFrom,
            @Parameter(description = "Only cases registered on or before this day (UTC, YYYY-MM-DD)")
            @QueryParam("registeredTo") LocalDate registeredTo,
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @BeanParam @Valid PageRequest paging) {
        if (registeredFrom != null && registeredTo != null && registeredTo.isBefore(registeredFrom)) {
            throw Invalid.of("registeredTo", "must not be before registeredFrom");
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        var filter = new CaseQueries.CaseFilter(office, status, nationality, text, dateOfBirth, registeredFrom, registeredTo);
        return queries.list(filter, paging.page(), paging.size());
    }

    private static EntityTag etag(CaseView view) {
        return new EntityTag(Long.toString(view.version()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "editCase", summary = "Correct contact details or the household (JSON merge patch)",
            description = "Send If-Match with the case's ETag. Editable: applicant.phone, applicant.email, "
                    + "applicant.preferredLanguage (null clears), household (replaced whole).")
    @APIResponse(responseCode = "200", description = "The edited case, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or not editable (named in errors)")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    @APIResponse(responseCode = "409", description = "The case is closed")
    @APIResponse(responseCode = "412", description = "The case changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response edit(@PathParam("id") UUID id,
                         @Parameter(description = "The case's ETag, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
                         @Context HttpHeaders headers,
                         JsonNode body) throws JsonProcessingException {
        CaseView view = edits.patch(id, version -> Preconditions.requireIfMatch(headers, "case", version),
                edits.read(body), body);
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctCase", summary = "Correct what was recorded about the applicant",
            description = "Names, date of birth, nationality, arrival date, host-country status, document; with a reason "
                    + "and If-Match. Old and new values are audited. A changed nationality or arrival date has eligibility "
                    + "decided again on the application date: a case found ineligible goes to review-ineligible, a refused "
                    + "one found eligible goes on to screening. An applicant under 18 after the correction is refused.")
    @APIResponse(responseCode = "200", description = "The corrected case, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the correction changes nothing (named in errors)")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    @APIResponse(responseCode = "409", description = "The new eligibility decision cannot move the case from where it is")
    @APIResponse(responseCode = "412", description = "The case changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response correct(@PathParam("id") UUID id,
                            @Parameter(description = "The case's ETag, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
                            @Context HttpHeaders headers,
                            @NotNull(message = "a JSON body is required") @Valid CaseCorrections.CorrectionRequest body) {
        CaseView view = corrections.correct(id, version -> Preconditions.requireIfMatch(headers, "case", version), body);
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawCase", summary = "Record that the applicant withdraws; the case's workflow ends")
    @APIResponse(responseCode = "200", description = "The withdrawn case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing or too long")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    @APIResponse(responseCode = "409", description = "The case is already closed or withdrawn")
    public Response withdraw(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid WithdrawalRequest body) {
        CaseView view = withdrawal.withdraw(id, body.reason().strip());
        return Response.ok(view).tag(etag(view)).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getCaseHistory", summary = "The case's timeline: workflow steps and audit entries in time order")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseHistory.Timeline.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public CaseHistory.Timeline history(@PathParam("id") UUID id) {
        return history.of(id);
    }

    @GET
    @Path("/{id}/possible-duplicates")
    @Operation(operationId = "listPossibleDuplicates", summary = "Likely duplicates of the case's people on other cases, "
            + "at any office, and their decisions",
            description = "Seen from either case of a match: the other case's number and office and why the people look "
                    + "alike, never the other case's personal data. Undecided matches are decided in the case's "
                    + "review-possible-duplicate task.")
    @APIResponse(responseCode = "200", description = "The matches, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PossibleDuplicates.Listing.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public PossibleDuplicates.Listing possibleDuplicates(@PathParam("id") UUID id) {
        return new PossibleDuplicates.Listing(duplicates.of(id));
    }

    @POST
    @Path("/{id}/household/{personId}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "splitHouseholdMember", summary = "Give an adult household member a case of their own",
            description = "The member leaves the household and becomes the applicant of a new case at the same office "
                    + "(keeping their person id), linked to this one both ways, decided on the day the household applied.")
    @APIResponse(responseCode = "201", description = "The member's new case",
            headers = @Header(name = "Location", description = "The new case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid (each field named)")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices, or no such member on it")
    @APIResponse(responseCode = "409", description = "The member is a child, or the case is closed")
    public Response split(@PathParam("id") UUID id, @PathParam("personId") UUID personId,
                          @NotNull(message = "a JSON body is required") @Valid HouseholdSplits.Request body,
                          @Context UriInfo uri) {
        CaseView view = splits.split(id, personId, body);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/cases").path(view.id().toString()).build())
                .entity(view).tag(etag(view)).build();
    }
}
