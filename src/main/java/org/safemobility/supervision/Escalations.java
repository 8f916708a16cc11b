package org.safemobility.supervision;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.safemobility.intake.CaseReference;
import org.safemobility.referral.ReferralBlocked;
import org.safemobility.referral.WebhookDeadLettered;
import org.safemobility.workflow.DeadlineMissed;

/**
 * Escalations: raised when the workflow reports a missed deadline or the referral capability a blocked referral or a
 * dead-lettered webhook (each an event this class observes), seen and acknowledged by supervisors.
 */
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

    /**
     * A deadline of the case process passed. A task past its due date is raised once per task, ever (V7's unique
     * (kind, task_id)); a partner's overdue decision once per referral while unacknowledged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void deadlineMissed(@Observes DeadlineMissed missed) {
        if (missed.isPartnerDecision()) {
            raise(Escalation.PARTNER_DECISION_OVERDUE, missed.office(), missed.caseId(), missed.activity(), null,
                    missed.referralId(), "the partner has not decided on referral " + missed.referralId()
                            + " within the agreed time");
            return;
        }
        if (Escalation.count("kind = ?1 and taskId = ?2", Escalation.TASK_OVERDUE, missed.taskId()) > 0) {
            return;
        }
        raise(Escalation.TASK_OVERDUE, missed.office(), missed.caseId(), missed.activity(), missed.taskId(), null, null);
    }

    /**
     * The workflow cannot send the case's referral. Committed on its own (REQUIRES_NEW): the step that found it fails,
     * and its transaction rolls back, becoming an incident; the escalation must outlive that.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void referralBlocked(@Observes ReferralBlocked blocked) {
        raise(Escalation.REFERRAL_BLOCKED, blocked.office(), blocked.caseId(), "send-referral", null,
                blocked.caseId().toString(), blocked.why());
    }

    /** A webhook event was dead-lettered. */
    @Transactional(Transactional.TxType.MANDATORY)
    void webhookDeadLettered(@Observes WebhookDeadLettered dead) {
        raise(Escalation.WEBHOOK_DEAD_LETTERED, dead.office(), dead.caseId(), null, null, dead.eventId(), dead.why());
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
        return view(e, e.caseId == null ? null : cases.reference(e.caseId));
    }

    private static EscalationView view(Escalation e, CaseReference reference) {
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
