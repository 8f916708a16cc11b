package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the withdrawal's transaction) when an applicant withdraws, so that capabilities holding
 * work for the case, such as open referrals, close it in the same commit.
 */
public record CaseWithdrawn(UUID caseId, String office, String reason) {
}
