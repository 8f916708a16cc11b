package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the same transaction) when the applicant withdraws consent to sharing with partners, so that
 * the referral capability withdraws what it shared (open referrals, their partners told) in the same commit.
 */
public record SharingConsentWithdrawn(UUID caseId, String office) {
}
