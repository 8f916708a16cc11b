package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;
import org.safemobility.workflow.CaseIncidents;

/** Stuck work of the supervisor's offices: engine incidents with their cases, and retrying them (audited). */
@ApplicationScoped
public class Incidents {

    @Schema(name = "Incident")
    public record IncidentView(String id, UUID caseId, String caseNumber, String office, String activity,
                               @Schema(description = "What went wrong, as the failing step said it") String message,
                               Instant since, @Schema(description = "Whether retry applies (a failed job)") boolean retryable) {
    }

    @Schema(name = "IncidentPage")
    public record Page(List<IncidentView> items, long total, int page, int size) {
    }

    @Inject
    CaseIncidents engine;

    @Inject
    CaseQueries cases;

    @Inject
    OfficeScope scope;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String office, int page, int size) {
        Set<String> offices = scope.officesToRead(office, "office");
        CaseIncidents.Page found = engine.open(offices, page * size, size);
        Map<UUID, CaseReference> references = cases.references(found.items().stream().map(CaseIncidents.StuckStep::caseId)
                .collect(Collectors.toSet()));
        List<IncidentView> items = found.items().stream().filter(s -> references.containsKey(s.caseId()))
                .map(s -> view(s, references.get(s.caseId()))).toList();
        return new Page(items, found.total(), page, size);
    }

    /** Retries the failed step of an incident of the caller's offices. */
    @Transactional
    public IncidentView retry(String id) {
        CaseIncidents.StuckStep step = engine.find(id).orElse(null);
        CaseReference reference = step == null ? null : cases.reference(step.caseId());
        scope.requireVisible(reference == null ? null : reference.office(), "incident " + id + " not found");
        if (step.jobId() == null) {
            throw new Conflict("incident " + id + " is not a failed job; it cannot be retried from here");
        }
        engine.retry(step);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incidentId", id);
        details.put("activity", step.activity());
        details.put("message", step.message());
        audit.record("incident.retried", reference.office(), step.caseId(), details);
        return view(step, reference);
    }

    private static IncidentView view(CaseIncidents.StuckStep s, CaseReference reference) {
        return new IncidentView(s.id(), s.caseId(), reference.caseNumber(), reference.office(), s.activity(), s.message(),
                s.since(), s.jobId() != null);
    }
}
