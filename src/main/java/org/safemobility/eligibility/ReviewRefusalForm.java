package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.TaskForm;

/** {@code review-ineligible}: the caseworker confirms the refusal, or asks to override it with a justification. */
@Schema(name = "ReviewRefusalForm")
public record ReviewRefusalForm(
        @NotNull Decision decision,
        @Size(max = 4000) @Schema(description = "Required to override: why this applicant should be served") String justification,
        @Schema(description = "Pathways the override would allow; all by default") List<@NotNull Pathway> pathways,
        @Size(max = 4000) @Schema(description = "Note kept on the case when the refusal is confirmed") String note) {

    public enum Decision {
        CONFIRM, OVERRIDE
    }

    static final int MIN_JUSTIFICATION = 20;

    @ApplicationScoped
    static class Handler implements TaskForm<ReviewRefusalForm> {

        @Inject
        CaseEligibility eligibility;

        @Override
        public String activity() {
            return "review-ineligible";
        }

        @Override
        public Class<ReviewRefusalForm> type() {
            return ReviewRefusalForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, ReviewRefusalForm body) {
            if (body.decision() == Decision.OVERRIDE) {
                if (body.justification() == null || body.justification().strip().length() < MIN_JUSTIFICATION) {
                    throw Invalid.of("justification",
                            "an override needs a written justification of at least " + MIN_JUSTIFICATION + " characters");
                }
                eligibility.requestOverride(caseId, body.justification().strip(), body.pathways());
            } else {
                eligibility.confirmRefusal(caseId, body.note());
            }
            return Map.of("reviewDecision", body.decision().name());
        }
    }
}
