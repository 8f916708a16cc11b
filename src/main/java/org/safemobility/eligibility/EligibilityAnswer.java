package org.safemobility.eligibility;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The decision's answer, with the rule and the version of the rules that gave it. */
@Schema(name = "EligibilityDecision")
public record EligibilityAnswer(
        boolean eligible,
        @Schema(description = "Pathways the applicant may be referred to; empty when not eligible") List<Pathway> pathways,
        @Schema(example = "GT-HND-SLV-NIC-2024-05-07") String ruleId,
        @Schema(description = "A sentence a caseworker can read to the applicant") String reason,
        @Schema(description = "Version of the eligibility rules (DMN decision smo-eligibility) that decided") int decisionVersion,
        Instant decidedAt,
        EligibilityQuestion inputs) {
}
