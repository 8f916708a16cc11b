package org.safemobility.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.codes.CountryCode;

@Schema(name = "HouseholdMember")
public record HouseholdMemberDetails(
        @NotBlank @Size(max = 100) @Schema(example = "Lucía") String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "González") String familyName,
        @NotNull @PastOrPresent @Schema(example = "2016-09-01") LocalDate dateOfBirth,
        @NotNull Relationship relationship,
        @NotNull @CountryCode @Schema(example = "VEN") String nationality) {
}
