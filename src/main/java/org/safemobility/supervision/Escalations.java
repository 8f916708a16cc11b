package org.safemobility.supervision;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CaseQueries;

/** Escalations: raised by the workflow (a task past its due date), seen and acknowledged by supervisors. */
@ApplicationScoped
public class Escalations {

    @Inject
    OfficeScope scope;

    @Inject
    CaseQueries cases;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A task passed its due date; raised once per task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taskOverdue(UUID caseId, String office, String activity, String taskId) {
        if (Escalation.count("kind = ?1 and taskId = ?2", Escalation.TASK_OVERDUE, taskId) > 0) {
            return;
        }
        raise(Escalation.TASK_OVERDUE, office, caseId, activity, taskId, null, null);
    }

    /** The partner has not decided within the SLA; raised once per referral while unacknowledged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void partnerDecisionOverdue(String office, UUID caseId, String referralId) {
        raise(Escalation.PARTNER_DECISION_OVERDUE, office, caseId, "await-partner-decision", null, referralId,
                "the partner has not decided on referral " + referralId + " within the agreed time");
    }

    /**
     * The workflow cannot send the case's referral. Committed on its own (REQUIRES_NEW): the step that found it fails,
     * and its transaction rolls back, becoming an incident; the escalation must outlive that.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void referralBlocked(String office, UUID caseId, String why) {
        raise(Escalation.REFERRAL_BLOCKED, office, caseId, "send-referral", null, caseId.toString(), why);
    }

    /** A webhook event was dead-lettered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void webhookDeadLettered(String office, UUID caseId, String eventId, String why) {
        raise(Escalation.WEBHOOK_DEAD_LETTERED, office, caseId, null, null, eventId, why);
    }

    /** Raises an escalation, unless one of the same kind and reference is still open. */
    private void raise(String kind, String office, UUID caseId, String activity, String taskId, String reference,
                       String detail) {
        if (reference != null && Escalation.count("kind = ?1 and reference = ?2 and acknowledgedAt is null", kind,
                reference) > 0) {
            return;
        }
        Escalation e = new Escalation();
        e.kind = kind;
        e.office = office;
        e.caseId = caseId;
        e.activity = activity;
        e.taskId = taskId;
        e.reference = reference;
        e.detail = detail;
        e.raisedAt = clock.instant();
        e.persist();
        audit.record("escalation.raised", office, caseId, details(e));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EscalationView.Page list(String office, boolean openOnly, int page, int size) {
        Set<String> offices = scope.officesToRead(office, "office");
        String query = "office in :offices" + (openOnly ? " and acknowledgedAt is null" : "");
        var found = Escalation.<Escalation>find(query, Sort.descending("raisedAt").and("id", Sort.Direction.Descending),
                Parameters.with("offices", offices)).page(page, size);
        List<Escalation> items = found.list();
        var references = cases.references(items.stream().map(e -> e.caseId).filter(id -> id != null)
                .collect(Collectors.toSet()));
        return new EscalationView.Page(items.stream().map(e -> view(e, references.get(e.caseId))).toList(),
                found.count(), page, size);
    }

    @Transactional
    public EscalationView acknowledge(long id) {
        Escalation e = Escalation.findById(id);
        scope.requireVisible(e == null ? null : e.office, "escalation " + id + " not found");
        if (e.acknowledgedAt == null) {
            e.acknowledgedBy = scope.caller().subject();
            e.acknowledgedAt = clock.instant();
            audit.record("escalation.acknowledged", e.office, e.caseId, details(e));
        }
        return view(e, e.caseId == null ? null : cases.references(Set.of(e.caseId)).get(e.caseId));
    }

    private static EscalationView view(Escalation e, CaseQueries.CaseReference reference) {
        return new EscalationView(e.id, e.kind, e.office, e.caseId, reference == null ? null : reference.caseNumber(),
                e.activity, e.taskId, e.reference, e.detail, e.raisedAt, e.acknowledgedBy, e.acknowledgedAt);
    }

    private static Map<String, Object> details(Escalation e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", e.kind);
        details.put("activity", e.activity);
        details.put("taskId", e.taskId);
        details.put("reference", e.reference);
        return details;
    }
}
