package org.safemobility.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as staff of its office see it. */
@Schema(name = "Case")
public record CaseView(
        UUID id,
        @Schema(example = "GT-2026-000123") String caseNumber,
        @Schema(example = "GT") String office,
        CaseStatus status,
        @Schema(description = "Workflow activities the case is waiting in", example = "[\"schedule-interview\"]")
        List<String> currentActivities,
        ApplicantDetails applicant,
        List<HouseholdMemberDetails> household,
        ConsentView consent,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; also sent as the ETag") long version) {

    @Schema(name = "Consent")
    public record ConsentView(boolean given, Instant recordedAt) {
    }

    static CaseView of(CaseFile c, List<String> currentActivities) {
        Applicant a = c.applicant;
        return new CaseView(c.id, c.caseNumber, c.office, c.status, currentActivities,
                new ApplicantDetails(a.givenName, a.familyName, a.dateOfBirth, a.sex, a.nationality, a.documentType,
                        a.documentNumber, a.arrivalDate, a.hostCountryStatus, a.phone, a.email, a.preferredLanguage),
                c.household.stream().map(m -> new HouseholdMemberDetails(m.givenName, m.familyName, m.dateOfBirth,
                        m.relationship, m.nationality)).toList(),
                new ConsentView(c.consent.given, c.consent.recordedAt),
                c.createdAt, c.updatedAt, c.version);
    }
}
