package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.safemobility.audit.AuditTrail;
import org.safemobility.workflow.CaseWorkflow;

/**
 * What a programme decision does to one case (a supervisor's or an admin's bulk action applies it to many): hold it
 * (its workflow suspended: no task can be completed, no deadline fires), resume it, or close it with an outcome. Each
 * runs in the caller's transaction and records one audit entry in the name of whoever decided; a case the decision
 * does not apply to (already closed, not held) is left alone and said why, never an error.
 */
@ApplicationScoped
public class ProgrammeDecisions {

    /** What the decision did to the case: applied, or why not. */
    public record Applied(boolean applied, String why) {
        static Applied done() {
            return new Applied(true, null);
        }

        static Applied skipped(String why) {
            return new Applied(false, why);
        }
    }

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    Event<CaseClosedByProgramme> closed;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied hold(UUID caseId, String reason, String decidedBy, Map<String, Object> context) {
        CaseFile c = locked(caseId);
        if (c == null || c.status.isClosed()) {
            return Applied.skipped(c == null ? "no such case" : "the case is closed (" + c.status + ")");
        }
        if (c.heldSince != null) {
            return Applied.skipped("the case is already on hold since " + c.heldSince);
        }
        workflow.hold(caseId);
        c.heldSince = clock.instant();
        c.holdReason = reason;
        c.updatedAt = c.heldSince;
        record("case.held", c, decidedBy, context);
        return Applied.done();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied resume(UUID caseId, String reason, String decidedBy, Map<String, Object> context) {
        CaseFile c = locked(caseId);
        if (c == null || c.heldSince == null) {
            return Applied.skipped(c == null ? "no such case" : "the case is not on hold");
        }
        workflow.resume(caseId);
        c.heldSince = null;
        c.holdReason = null;
        c.updatedAt = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>(context);
        details.put("reason", reason);
        record("case.resumed", c, decidedBy, details);
        return Applied.done();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied close(UUID caseId, ClosingOutcome outcome, String reason, String decidedBy, Map<String, Object> context) {
        CaseFile c = locked(caseId);
        if (c == null || c.status.isClosed()) {
            return Applied.skipped(c == null ? "no such case" : "the case is already closed (" + c.status + ")");
        }
        workflow.close(caseId, outcome.name());
        lifecycle.apply(caseId, CaseTransition.CLOSED_BY_PROGRAMME_DECISION, reason);
        c.closingOutcome = outcome;
        closed.fire(new CaseClosedByProgramme(caseId, c.office, outcome));
        Map<String, Object> details = new LinkedHashMap<>(context);
        details.put("outcome", outcome.name());
        record("case.closed-by-programme", c, decidedBy, details);
        return Applied.done();
    }

    /** The case row, locked: a decision and a caseworker's change to the same case never interleave. */
    private static CaseFile locked(UUID caseId) {
        return CaseFile.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void record(String action, CaseFile c, String decidedBy, Map<String, Object> details) {
        Map<String, Object> entry = new LinkedHashMap<>(details);
        entry.put("caseNumber", c.caseNumber);
        audit.recordOnBehalfOf(decidedBy, action, c.office, c.id, entry);
    }
}
