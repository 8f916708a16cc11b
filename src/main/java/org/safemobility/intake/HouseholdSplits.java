package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.codes.LanguageCode;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotFound;
import org.safemobility.workflow.CaseWorkflow;

/**
 * An adult household member becomes the applicant of a case of their own (a grown child who will travel on their own,
 * a partner who separated), linked to the case they leave. The member keeps their person id (and so their documents,
 * links and duplicate decisions); the new case is at the same office, takes the member's own consent, and is decided
 * like a registration on the day the household applied (the member applied with it), so a paused intake or a used-up
 * quota does not refuse it. The member's specific needs stay on record in the original case's history only: the new
 * case's interview records its applicant's.
 */
@ApplicationScoped
public class HouseholdSplits {

    @Schema(name = "HouseholdSplit", description = "What the member's own case needs beyond what the household recorded")
    public record Request(
            @NotBlank @Size(max = 2000) @Schema(example = "Turned 19 and will travel on her own") String reason,
            @NotNull @Valid @Schema(description = "The member's own answers, per purpose, as at registration")
            RegistrationRequest.ConsentGiven consent,
            Sex sex,
            @PastOrPresent @Schema(description = "When the member entered the host country; the applicant's by default")
            LocalDate arrivalDate,
            HostCountryStatus hostCountryStatus,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an international number in E.164 form, e.g. +50212345678")
            String phone,
            @Email @Size(max = 254) String email,
            @LanguageCode String preferredLanguage) {
    }

    @Inject
    Consents consents;

    @Inject
    OfficeScope scope;

    @Inject
    OfficeDirectory offices;

    @Inject
    CaseNumbers caseNumbers;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    CaseViews views;

    @Inject
    PossibleDuplicates duplicates;

    @Inject
    Clock clock;

    /** Not transactional itself: the case number is allocated in its own short transaction first, as at registration. */
    public CaseView split(UUID caseId, UUID personId, Request request) {
        String office = officeOf(caseId);
        Office at = offices.find(office).orElseThrow();
        String number = caseNumbers.allocate(office, LocalDate.now(clock.withZone(at.zone())).getYear());
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> split(caseId, personId, request, at, number));
    }

    private String officeOf(UUID caseId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            CaseFile c = CaseFile.findById(caseId);
            scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
            return c.office;
        });
    }

    private CaseView split(UUID caseId, UUID personId, Request request, Office office, String number) {
        var consentViolations = request.consent().violations("consent");
        if (!consentViolations.isEmpty()) {
            throw Invalid.of(consentViolations);
        }
        CaseFile original = CaseFile.findById(caseId);
        scope.requireVisible(original == null ? null : original.office, "case " + caseId + " not found");
        if (original.status.isClosed()) {
            throw new Conflict("case " + original.caseNumber + " is " + original.status + ": its household is not split");
        }
        HouseholdMember member = original.household.stream().filter(m -> m.personId.equals(personId)).findFirst()
                .orElseThrow(() -> new NotFound("no household member " + personId + " on case " + original.caseNumber));
        LocalDate today = LocalDate.now(clock.withZone(office.zone()));
        if (Period.between(member.dateOfBirth, today).getYears() < RegistrationPolicy.ADULT_AGE) {
            throw new Conflict("the member is under " + RegistrationPolicy.ADULT_AGE + ": a child stays in the household");
        }
        LocalDate arrival = request.arrivalDate() != null ? request.arrivalDate() : original.applicant.arrivalDate;
        if (arrival.isBefore(member.dateOfBirth)) {
            throw Invalid.of("arrivalDate", "must not be before the member's date of birth");
        }
        String me = scope.caller().subject();
        Instant now = clock.instant();
        CaseFile split = new CaseFile();
        split.id = UUID.randomUUID();
        split.caseNumber = number;
        split.office = original.office;
        split.status = CaseStatus.REGISTERED;
        LocalDate householdApplied = original.applicationDate != null ? original.applicationDate
                : original.createdAt.atZone(office.zone()).toLocalDate();
        if (householdApplied.isBefore(today)) {
            split.applicationDate = householdApplied;
            split.applicationDateReason = "applied with the household of " + original.caseNumber;
        }
        Applicant a = new Applicant();
        a.personId = member.personId;
        a.givenName = member.givenName;
        a.familyName = member.familyName;
        a.dateOfBirth = member.dateOfBirth;
        a.nationality = member.nationality;
        a.documentType = member.documentType;
        a.document(member.documentNumber);
        a.sex = request.sex();
        a.arrivalDate = arrival;
        a.hostCountryStatus = request.hostCountryStatus() != null ? request.hostCountryStatus()
                : original.applicant.hostCountryStatus;
        a.phone(request.phone());
        a.email = request.email() == null ? null : request.email().strip();
        a.preferredLanguage = request.preferredLanguage() != null ? request.preferredLanguage()
                : original.applicant.preferredLanguage;
        split.applicant = a;
        split.consent = new Consent();
        split.consent.processing = request.consent().processingGiven();
        split.consent.partnerSharing = request.consent().partnerSharingGiven();
        split.consent.hostGovernmentSharing = request.consent().hostGovernmentSharingGiven();
        split.consent.recordedAt = now;
        split.registeredBy = me;
        split.createdAt = now;
        split.updatedAt = now;
        original.household.remove(member);
        original.updatedAt = now;
        CaseFile.flush(); // the member leaves the household before they appear as an applicant (person_search)
        split.persistAndFlush();
        duplicates.link(split.id, original.id, "SPLIT_FROM", member.personId, request.reason().strip(), me, now);
        split.processInstanceId = workflow.start(split.id, split.office);
        CaseFile.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("personId", member.personId.toString());
        details.put("splitCaseId", split.id.toString());
        details.put("splitCaseNumber", number);
        audit.record("case.household-member-split", original.office, original.id, details);
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("caseNumber", number);
        registered.put("splitFromCaseId", original.id.toString());
        registered.put("splitFromCaseNumber", original.caseNumber);
        registered.put("consent", consents.recordAtRegistration(split, me));
        audit.record("case.registered", split.office, split.id, registered);
        return views.of(split);
    }
}
