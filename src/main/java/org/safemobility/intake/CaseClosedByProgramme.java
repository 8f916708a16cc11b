package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the closing transaction) when a programme decision closes a case, so that capabilities
 * holding work for it, such as open referrals or a hold on a suspended pathway, end it in the same commit.
 */
public record CaseClosedByProgramme(UUID caseId, String office, ClosingOutcome outcome) {
}
