package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.workflow.CaseWorkflow;

/**
 * A case's timeline: what its workflow did (activities started and ended, who completed each task) and what people
 * did to it (the audit trail), in time order.
 */
@ApplicationScoped
public class CaseHistory {

    @Schema(name = "HistoryEntry")
    public record Entry(
            Instant at,
            @Schema(description = "workflow or audit") String source,
            @Schema(description = "started, completed or cancelled for workflow entries; the audit action otherwise",
                    example = "completed") String event,
            @Schema(description = "Workflow activity id", example = "schedule-interview") String activity,
            String name,
            @Schema(description = "Who did it (subject), when known") String actor,
            Map<String, Object> details) {
    }

    @Schema(name = "CaseHistory")
    public record Timeline(UUID caseId, String caseNumber, List<Entry> items) {
    }

    @Inject
    OfficeScope scope;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Transactional
    public Timeline of(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        List<Entry> entries = new ArrayList<>();
        workflow.history(caseId).forEach(step -> entries.add(new Entry(step.at(), "workflow", step.event(),
                step.activity(), step.name(), step.completedBy(), null)));
        audit.forCase(caseId).forEach(event -> entries.add(new Entry(event.occurredAt(), "audit", event.action(), null, null,
                event.actor(), event.details())));
        entries.sort(Comparator.comparing(Entry::at));
        audit.record("case.history-viewed", c.office, c.id, Map.of("caseNumber", c.caseNumber));
        return new Timeline(c.id, c.caseNumber, entries);
    }
}
