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
        @NotNull @Valid ConsentGiven consent,
        @Schema(description = "The day the application was made, when it was received before today (on paper, or online "
                + "before a pause); eligibility is decided on this day. Never in the future, never before the office opened. "
                + "Default: today on the office's calendar")
        java.time.LocalDate applicationDate,
        @Size(min = 3, max = 500)
        @Schema(description = "Required with an earlier applicationDate: how the application was received")
        String applicationDateReason) {

    public List<HouseholdMemberDetails> householdOrEmpty() {
        return household == null ? List.of() : household;
    }

    @Schema(name = "ConsentGiven")
    public record ConsentGiven(
            @NotNull @Schema(description = "Consent to processing and to sharing with UNHCR/IOM and receiving governments")
            Boolean given) {
    }
}
