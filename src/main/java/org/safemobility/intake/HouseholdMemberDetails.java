package org.safemobility.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.codes.CountryCode;

@Schema(name = "HouseholdMember")
public record HouseholdMemberDetails(
        @NotBlank @Size(max = 100) @Schema(example = "Lucía") String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "González") String familyName,
        @NotNull @PastOrPresent @Schema(example = "2016-09-01") LocalDate dateOfBirth,
        @NotNull Relationship relationship,
        @NotNull @CountryCode @Schema(example = "VEN") String nationality,
        DocumentType documentType,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*", message = "may contain letters, digits, spaces, '.', '/' and '-'")
        @Schema(description = "Required with documentType") String documentNumber,
        @Size(max = 8) @Schema(description = "The member's specific needs") List<@NotNull Vulnerability> vulnerabilities,
        @Schema(description = "The member's person id, given by the service at registration. In a household edit, "
                + "the id of a member already on the case keeps that person (their documents, links and duplicate "
                + "decisions); a member without one is a new person.") UUID personId) {

    public List<Vulnerability> vulnerabilitiesOrEmpty() {
        return vulnerabilities == null ? List.of() : vulnerabilities;
    }
}
