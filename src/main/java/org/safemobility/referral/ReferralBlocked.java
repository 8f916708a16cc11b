package org.safemobility.referral;

import java.util.UUID;

/**
 * The workflow cannot send the case's referral (no consent to sharing, no active partner for the pathway). Fired
 * before the step fails; observers that record it (supervision's escalation) must commit on their own, since the
 * step's transaction rolls back into an incident.
 */
public record ReferralBlocked(String office, UUID caseId, String why) {
}
