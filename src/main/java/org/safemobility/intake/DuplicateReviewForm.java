package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.TaskForm;

/**
 * {@code review-possible-duplicate}: a decision on each undecided match of the case (see
 * {@code GET /api/v1/cases/{id}/possible-duplicates}).
 */
@Schema(name = "DuplicateReviewForm")
public record DuplicateReviewForm(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Verdict> decisions,
        @Size(max = 4000) String note) {

    @Schema(name = "DuplicateVerdict")
    public record Verdict(@NotNull @Schema(description = "The match's id") UUID match,
                          @NotNull PossibleDuplicates.Decision decision) {
    }

    @ApplicationScoped
    static class Handler implements TaskForm<DuplicateReviewForm> {

        @Inject
        PossibleDuplicates duplicates;

        @Override
        public String activity() {
            return "review-possible-duplicate";
        }

        @Override
        public Class<DuplicateReviewForm> type() {
            return DuplicateReviewForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, DuplicateReviewForm body) {
            Map<UUID, PossibleDuplicates.Decision> decisions = new LinkedHashMap<>();
            for (Verdict v : body.decisions()) {
                if (decisions.put(v.match(), v.decision()) != null) {
                    throw Invalid.of("decisions", "match " + v.match() + " is decided twice");
                }
            }
            PossibleDuplicates.Decision outcome = duplicates.decide(caseId, decisions, body.note());
            return Map.of(CaseWorkflow.DUPLICATE_DECISION, outcome.name());
        }
    }
}
