package org.safemobility.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new case: the applicant, their household and their consent, registered at one office. */
@Schema(name = "Registration")
public record RegistrationRequest(
        @Pattern(regexp = "[A-Z]{2}", message = "must be an office code such as GT")
        @Schema(example = "GT", description = "May be omitted when the caller works for exactly one office")
        String office,
        @NotNull @Valid ApplicantDetails applicant,
        @Size(max = 30) List<@NotNull @Valid HouseholdMemberDetails> household,
        @NotNull @Valid ConsentGiven consent) {

    public List<HouseholdMemberDetails> householdOrEmpty() {
        return household == null ? List.of() : household;
    }

    @Schema(name = "ConsentGiven")
    public record ConsentGiven(
            @NotNull @Schema(description = "Consent to processing and to sharing with UNHCR/IOM and receiving governments")
            Boolean given) {
    }
}
