package org.safemobility.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the case list: enough to find the right case, without the applicant's contact or document details. */
@Schema(name = "CaseSummary")
public record CaseSummary(
        UUID id,
        String caseNumber,
        String office,
        CaseStatus status,
        String givenName,
        String familyName,
        String nationality,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "CasePage")
    public record Page(List<CaseSummary> items, long total, int page, int size) {
    }
}
