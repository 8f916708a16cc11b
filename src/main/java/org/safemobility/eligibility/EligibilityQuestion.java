package org.safemobility.eligibility;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the eligibility decision is asked: which office, which nationality, when the applicant entered the host
 * country, and the date of the application (rules in force on that date decide).
 */
@Schema(name = "EligibilityInputs")
public record EligibilityQuestion(
        @Schema(example = "GT") String office,
        @Schema(example = "HND") String nationality,
        @Schema(example = "2024-01-10") LocalDate arrivalDate,
        @Schema(example = "2024-05-08") LocalDate applicationDate) {

    Map<String, Object> asDecisionInputs() {
        return Map.of("office", office, "nationality", nationality, "arrivalDate", arrivalDate,
                "applicationDate", applicationDate);
    }
}
