package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.workflow.TaskForm;

/** {@code accept-transfer}: a supervisor of the receiving office accepts the case, or rejects it with a reason. */
@Schema(name = "TransferDecisionForm")
public record TransferDecisionForm(
        @NotNull Decision decision,
        @Size(max = 2000) @Schema(description = "Required to reject") String reason) {

    public enum Decision {
        ACCEPT, REJECT
    }

    @ApplicationScoped
    static class Handler implements TaskForm<TransferDecisionForm> {

        @Inject
        CaseTransfers transfers;

        @Override
        public String activity() {
            return "accept-transfer";
        }

        @Override
        public Class<TransferDecisionForm> type() {
            return TransferDecisionForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, TransferDecisionForm body) {
            transfers.decide(caseId, body.decision() == Decision.ACCEPT, body.reason());
            return Map.of();
        }

        /** The case moves once the task has completed: moving it restarts the workflow the task belongs to. */
        @Override
        public void completed(UUID caseId, TransferDecisionForm body) {
            if (body.decision() == Decision.ACCEPT) {
                transfers.moveAccepted(caseId);
            }
        }
    }
}
