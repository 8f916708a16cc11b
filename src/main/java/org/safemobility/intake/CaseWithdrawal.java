package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.workflow.CaseWorkflow;

/**
 * The applicant withdraws: the case's workflow ends wherever it stood, the case is WITHDRAWN, and
 * {@link CaseWithdrawn} lets the capabilities holding work for the case (open referrals) close it in the same commit.
 * Staff of the case's office record it; a closed or already withdrawn case is a conflict.
 */
@ApplicationScoped
public class CaseWithdrawal {

    @Inject
    OfficeScope scope;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseWorkflow workflow;

    @Inject
    CaseViews views;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<CaseWithdrawn> withdrawn;

    @Transactional
    public CaseView withdraw(UUID caseId, String reason) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        if (c.status.isClosed()) {
            throw new Conflict("case " + c.caseNumber + " is already " + c.status);
        }
        close(c, reason, Map.of());
        CaseFile.flush();
        return views.of(c);
    }

    /** Ends an open case as withdrawn, wherever it stood, recorded as the caller's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void close(CaseFile c, String reason, Map<String, Object> auditDetails) {
        workflow.withdraw(c.id, reason);
        lifecycle.apply(c.id, CaseTransition.WITHDRAWN_BY_APPLICANT);
        Withdrawal withdrawal = new Withdrawal();
        withdrawal.reason = reason;
        withdrawal.recordedBy = scope.caller().subject();
        withdrawal.at = clock.instant();
        c.withdrawal = withdrawal;
        audit.record("case.withdrawn", c.office, c.id, auditDetails);
        withdrawn.fire(new CaseWithdrawn(c.id, c.office, reason));
    }
}
