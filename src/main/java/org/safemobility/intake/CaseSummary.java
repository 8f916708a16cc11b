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

    /**
     * A page of cases. A list without search text counts its total up to
     * {@link org.safemobility.http.CountedTotal#COUNTED}: an exact count would read
     * every case of the caller's offices on every page (40-55 ms at 250,000 cases of an office, however small the page).
     * A search counts up to {@link CaseSearch#RANKED}: past that it does not rank every hit (see CaseSearch).
     */
    @Schema(name = "CasePage")
    public record Page(List<CaseSummary> items,
                       @Schema(description = "How many cases match; a list without q counts up to 10,000, a search up "
                               + "to 1,000 (see totalCapped)")
                       long total,
                       @Schema(description = "True when more cases match than were counted: more than 10,000 for a "
                               + "list without q, more than 1,000 for a search; total then says 10,000 or 1,000. A "
                               + "search past 1,000 matches lists the newest cases whose names hold every word as "
                               + "written, before those matching by sound alone")
                       boolean totalCapped,
                       int page, int size) {

        /** A page whose total is exact. */
        public Page(List<CaseSummary> items, long total, int page, int size) {
            this(items, total, false, page, size);
        }
    }
}
