package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.codes.CountryCode;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.StaleVersion;

/**
 * Corrections of what was recorded about the applicant at registration: a mistyped name, date of birth, nationality,
 * arrival date, host-country status or document. Each is audited with the old and new values and its reason. A changed
 * eligibility input (nationality, arrival date) has eligibility decide again on the application date, which may move
 * the case ({@link CaseCorrected}); an applicant who would be under 18 after the correction is refused as at intake.
 */
@ApplicationScoped
public class CaseCorrections {

    /** The applicant's recorded fields that may be corrected; absent ones stay as they are. */
    @Schema(name = "ApplicantCorrection")
    public record ApplicantCorrection(
            @Size(min = 1, max = 100) String givenName,
            @Size(min = 1, max = 100) String familyName,
            @Past LocalDate dateOfBirth,
            @CountryCode @Schema(description = "ISO 3166-1 alpha-3") String nationality,
            @PastOrPresent LocalDate arrivalDate,
            HostCountryStatus hostCountryStatus,
            DocumentType documentType,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*", message = "may contain letters, digits, spaces, '.', '/' and '-'")
            String documentNumber) {
    }

    @Schema(name = "CaseCorrection")
    public record CorrectionRequest(
            @NotNull(message = "is required: the fields to correct") @Valid ApplicantCorrection applicant,
            @NotBlank @Size(max = 1000) @Schema(description = "Why: what was wrong and how it was checked") String reason) {
    }

    @Inject
    OfficeScope scope;

    @Inject
    OfficeDirectory offices;

    @Inject
    RegistrationPolicy policy;

    @Inject
    CaseViews views;

    @Inject
    AuditTrail audit;

    @Inject
    Event<CaseCorrected> corrected;

    @Inject
    Clock clock;

    @Inject
    PossibleDuplicates duplicates;

    @Transactional
    public CaseView correct(UUID caseId, CaseEdits.VersionCheck versionCheck, @Valid CorrectionRequest request) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        versionCheck.require(c.version);
        Applicant a = c.applicant;
        ApplicantCorrection fix = request.applicant();
        ApplicantDetails after = new ApplicantDetails(or(fix.givenName(), a.givenName), or(fix.familyName(), a.familyName),
                or(fix.dateOfBirth(), a.dateOfBirth), a.sex, or(fix.nationality(), a.nationality),
                or(fix.documentType(), a.documentType), or(fix.documentNumber(), a.documentNumber),
                or(fix.arrivalDate(), a.arrivalDate), or(fix.hostCountryStatus(), a.hostCountryStatus), a.phone, a.email,
                a.preferredLanguage, a.personId);
        LocalDate officeToday = LocalDate.now(clock.withZone(offices.find(c.office).orElseThrow().zone()));
        List<Invalid.Violation> violations = policy.applicantViolations(after, officeToday);
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "givenName", a.givenName, after.givenName());
        change(changes, "familyName", a.familyName, after.familyName());
        change(changes, "dateOfBirth", a.dateOfBirth, after.dateOfBirth());
        change(changes, "nationality", a.nationality, after.nationality());
        change(changes, "arrivalDate", a.arrivalDate, after.arrivalDate());
        change(changes, "hostCountryStatus", a.hostCountryStatus, after.hostCountryStatus());
        change(changes, "documentType", a.documentType, after.documentType());
        change(changes, "documentNumber", a.documentNumber, after.documentNumber());
        if (changes.isEmpty()) {
            throw Invalid.of("applicant", "the correction changes nothing: every field sent has the value already recorded");
        }
        a.givenName = after.givenName().strip();
        a.familyName = after.familyName().strip();
        a.dateOfBirth = after.dateOfBirth();
        a.nationality = after.nationality();
        a.arrivalDate = after.arrivalDate();
        a.hostCountryStatus = after.hostCountryStatus();
        a.documentType = after.documentType();
        a.document(after.documentNumber());
        c.updatedAt = clock.instant();
        try {
            CaseFile.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersion("the case changed while it was being corrected; read it again");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", request.reason().strip());
        details.put("changes", changes);
        audit.record("case.corrected", c.office, c.id, details);
        corrected.fire(new CaseCorrected(c.id, c.office, changes.containsKey("nationality") || changes.containsKey("arrivalDate")));
        if (java.util.stream.Stream.of("givenName", "familyName", "dateOfBirth", "nationality", "documentNumber")
                .anyMatch(changes::containsKey)) {
            duplicates.check(c); // who the applicant is changed: pairs already decided are not asked again
        }
        return views.of(c);
    }

    private static <T> T or(T corrected, T recorded) {
        return corrected != null ? corrected : recorded;
    }

    private static void change(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from == null ? null : from.toString());
            change.put("to", to == null ? null : to.toString());
            changes.put(field, change);
        }
    }
}
