package org.safemobility.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.eligibility.Pathway;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.TaskForm;

/** {@code supervisor-review}: approve one pathway, or return the case to the interview with a reason. */
@Schema(name = "SupervisorReviewForm")
public record SupervisorReviewForm(
        @NotNull Decision decision,
        @Schema(description = "Required to approve: one of the pathways the case may take") Pathway pathway,
        @Size(max = 4000) @Schema(description = "Required to return: what the interview must clarify") String reason) {

    public enum Decision {
        APPROVE, RETURN
    }

    @ApplicationScoped
    static class Handler implements TaskForm<SupervisorReviewForm> {

        @Inject
        CaseScreening screening;

        @Override
        public String activity() {
            return "supervisor-review";
        }

        @Override
        public Class<SupervisorReviewForm> type() {
            return SupervisorReviewForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, SupervisorReviewForm body) {
            boolean approve = body.decision() == Decision.APPROVE;
            if (approve && body.pathway() == null) {
                throw Invalid.of("pathway", "is required to approve");
            }
            if (!approve && (body.reason() == null || body.reason().isBlank())) {
                throw Invalid.of("reason", "is required to return the case to the interview");
            }
            screening.review(caseId, approve, body.pathway(), body.reason() == null ? null : body.reason().strip());
            return approve ? Map.of("supervisorDecision", body.decision().name(), CaseWorkflow.PATHWAY, body.pathway().name())
                    : Map.of("supervisorDecision", body.decision().name());
        }
    }
}
