package org.safemobility.eligibility;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import org.safemobility.intake.CaseView;
import org.safemobility.intake.OfficeIntake;

/**
 * The what-if answer: the eligibility decision and, separately, whether the office takes applications on that day.
 * "Not eligible" and "not taking applications" are different answers.
 */
@Schema(name = "EligibilityCheck", allOf = EligibilityAnswer.class)
public record EligibilityCheck(
        @JsonUnwrapped @Schema(hidden = true) EligibilityAnswer answer,
        @Schema(description = "Whether the office takes applications on the application date") OfficeIntake.Status intake,
        @Schema(description = "Pathways suspended at the office on the application date: an eligible applicant's "
                + "case would wait on hold rather than be referred to one") List<CaseView.SuspendedPathway> suspendedPathways) {
}
