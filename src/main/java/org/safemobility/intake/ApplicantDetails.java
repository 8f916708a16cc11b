package org.safemobility.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.codes.CountryCode;
import org.safemobility.codes.LanguageCode;

/** The registering applicant, as sent at registration and returned on the case. */
@Schema(name = "Applicant")
public record ApplicantDetails(
        @NotBlank @Size(max = 100) @Schema(example = "María") String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "González Pérez") String familyName,
        @NotNull @Past @Schema(example = "1990-04-12", description = "The registering applicant must be 18 or older")
        LocalDate dateOfBirth,
        Sex sex,
        @NotNull @CountryCode @Schema(example = "VEN", description = "ISO 3166-1 alpha-3") String nationality,
        DocumentType documentType,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*", message = "may contain letters, digits, spaces, '.', '/' and '-'")
        @Schema(description = "Required with documentType") String documentNumber,
        @NotNull @PastOrPresent @Schema(example = "2023-05-30", description = "When the applicant entered the host country")
        LocalDate arrivalDate,
        HostCountryStatus hostCountryStatus,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an international number in E.164 form, e.g. +50212345678")
        @Schema(example = "+50212345678") String phone,
        @Email @Size(max = 254) String email,
        @LanguageCode @Schema(example = "es", description = "ISO 639-1") String preferredLanguage,
        @Schema(readOnly = true, description = "The applicant's person id, given by the service") java.util.UUID personId) {
}
