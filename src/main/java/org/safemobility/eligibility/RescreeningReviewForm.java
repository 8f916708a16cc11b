package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.workflow.TaskForm;

/** {@code review-rescreen}: reopen a closed case that widened rules now find eligible, or keep it closed. */
@Schema(name = "RescreeningReviewForm")
public record RescreeningReviewForm(
        @NotNull Decision decision,
        @Size(max = 4000) String note) {

    public enum Decision {
        REOPEN, KEEP_CLOSED
    }

    @ApplicationScoped
    static class Handler implements TaskForm<RescreeningReviewForm> {

        @Inject
        CaseEligibility eligibility;

        @Override
        public String activity() {
            return "review-rescreen";
        }

        @Override
        public Class<RescreeningReviewForm> type() {
            return RescreeningReviewForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, RescreeningReviewForm body) {
            eligibility.reviewRescreening(caseId, body.decision() == Decision.REOPEN, body.note());
            return Map.of("rescreenDecision", body.decision().name());
        }
    }
}
