package org.safemobility.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.http.ApiException;
import org.safemobility.intake.CaseEligibility;

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
        public Map<String, Object> apply(UUID caseId, OverrideApprovalForm form) {
            boolean approve = form.decision() == Decision.APPROVE;
            if (!approve && (form.reason() == null || form.reason().isBlank())) {
                throw ApiException.invalid("reason", "is required to reject an override");
            }
            eligibility.decideOverride(caseId, approve, form.reason() == null ? null : form.reason().strip());
            return Map.of("overrideDecision", form.decision().name());
        }
    }
}
