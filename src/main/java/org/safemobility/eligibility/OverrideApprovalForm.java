package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.TaskForm;

/** {@code approve-override}: a supervisor approves the override (screening follows) or rejects it (the case closes). */
@Schema(name = "OverrideApprovalForm")
public record OverrideApprovalForm(
        @NotNull Decision decision,
        @Size(max = 4000) @Schema(description = "Required to reject; kept on the case") String reason) {

    public enum Decision {
        APPROVE, REJECT
    }

    @ApplicationScoped
    static class Handler implements TaskForm<OverrideApprovalForm> {

        @Inject
        CaseEligibility eligibility;

        @Override
        public String activity() {
            return "approve-override";
        }

        @Override
        public Class<OverrideApprovalForm> type() {
            return OverrideApprovalForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, OverrideApprovalForm body) {
            boolean approve = body.decision() == Decision.APPROVE;
            if (!approve && (body.reason() == null || body.reason().isBlank())) {
                throw Invalid.of("reason", "is required to reject an override");
            }
            eligibility.decideOverride(caseId, approve, body.reason() == null ? null : body.reason().strip());
            return Map.of("overrideDecision", body.decision().name());
        }
    }
}
