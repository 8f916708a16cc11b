package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.NotFound;

/**
 * The one place a case's status changes: other capabilities name the {@link CaseTransition} that happened, in the
 * transaction of their own change, and get back the case as it now stands. A transition the table does not allow from
 * the case's status is a conflict, and nothing is written.
 */
@ApplicationScoped
public class CaseLifecycle {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseReference apply(UUID caseId, CaseTransition transition) {
        return apply(caseId, transition, null);
    }

    /** As {@link #apply(UUID, CaseTransition)}, keeping why the case closed when the transition closes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseReference apply(UUID caseId, CaseTransition transition, String closingNote) {
        CaseFile c = CaseFile.findById(caseId);
        if (c == null) {
            throw new NotFound("case " + caseId + " not found");
        }
        require(c, transition);
        boolean wasClosed = c.status.isClosed();
        c.status = transition.to();
        if (transition.to().isClosed()) {
            c.heldSince = null; // nothing is left to resume
            c.holdReason = null;
        }
        if (transition.to().isClosed() && closingNote != null) {
            c.closingNote = closingNote;
        } else if (!transition.to().isClosed()) {
            c.closingNote = null; // reopened: the reason it was closed no longer stands
            c.closingOutcome = null;
        }
        c.updatedAt = clock.instant();
        if (transition.to().isClosed() && !wasClosed) {
            c.closedAt = c.updatedAt; // retention runs from the first closing (a re-screening kept closed is no new one)
        } else if (!transition.to().isClosed()) {
            c.closedAt = null;
        }
        return CaseReference.of(c);
    }

    /** The case's latest process instance, after a capability started a new one (re-screening). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void processStarted(UUID caseId, String processInstanceId) {
        CaseFile c = CaseFile.findById(caseId);
        if (c != null) {
            c.processInstanceId = processInstanceId;
        }
    }

    static void require(CaseFile c, CaseTransition transition) {
        if (!transition.allowedFrom(c.status)) {
            throw new Conflict("case " + c.caseNumber + " is " + c.status + "; " + describe(transition)
                    + " is possible only when it is " + String.join(" or ", transition.from().stream().sorted().map(Enum::name).toList()));
        }
    }

    private static String describe(CaseTransition transition) {
        return transition.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
