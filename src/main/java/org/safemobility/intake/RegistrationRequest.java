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

    /**
     * The applicant's answer per purpose, for themselves and the household registered with them. {@code given} is the
     * older single answer (processing and sharing with partners together), still accepted alone.
     */
    @Schema(name = "ConsentGiven")
    public record ConsentGiven(
            @Schema(description = "Consent to processing for the case: required, and must be true (no case is registered "
                    + "without it)") Boolean processing,
            @Schema(description = "Consent to sharing the referral package with resettlement partners. Default false: "
                    + "the case is processed but cannot be referred until it is given") Boolean partnerSharing,
            @Schema(description = "Consent to sharing limited data with the host government (Guatemalans found eligible "
                    + "in Guatemala). Default false") Boolean hostGovernmentSharing,
            @Schema(deprecated = true, description = "Older form: one answer for processing and partner sharing together; "
                    + "not with the purposes above") Boolean given) {

        /** What was asked is missing or contradicts itself: each problem named by its field. */
        public java.util.List<org.safemobility.errors.Invalid.Violation> violations(String at) {
            var errors = new java.util.ArrayList<org.safemobility.errors.Invalid.Violation>();
            if (given != null && (processing != null || partnerSharing != null || hostGovernmentSharing != null)) {
                errors.add(new org.safemobility.errors.Invalid.Violation(at + ".given",
                        "give either the older single answer or the answers per purpose, not both"));
            } else if (given == null && processing == null) {
                errors.add(new org.safemobility.errors.Invalid.Violation(at + ".processing", "must not be null"));
            } else if (!processingGiven()) {
                errors.add(new org.safemobility.errors.Invalid.Violation(at + (given != null ? ".given" : ".processing"),
                        "must be true: a case is registered and processed only with the applicant's consent to processing"));
            }
            return errors;
        }

        public boolean processingGiven() {
            return given != null ? given : Boolean.TRUE.equals(processing);
        }

        public boolean partnerSharingGiven() {
            return given != null ? given : Boolean.TRUE.equals(partnerSharing);
        }

        public boolean hostGovernmentSharingGiven() {
            return Boolean.TRUE.equals(hostGovernmentSharing);
        }
    }
}
