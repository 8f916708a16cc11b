package org.safemobility.workflow;

import java.util.UUID;

/**
 * A non-interrupting timer of the case process fired: a user task passed its due date ({@code taskId} set), or a
 * partner has not decided within the agreed time ({@code referralId} set). Fired synchronously in the timer job's
 * transaction; supervision raises the escalation in that same transaction.
 */
public record DeadlineMissed(UUID caseId, String office, String activity, String taskId, String referralId) {

    /** The activity id the partner-decision timer reports, for escalations and queues. */
    public static final String PARTNER_DECISION = "await-partner-decision";

    public boolean isPartnerDecision() {
        return referralId != null;
    }
}
