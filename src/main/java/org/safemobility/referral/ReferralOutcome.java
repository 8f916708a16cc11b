package org.safemobility.referral;

/**
 * Fired in the transaction of a referral's change: {@code sent}, {@code resent}, {@code accepted}, {@code declined},
 * {@code info_requested} or {@code withdrawn}. Observers that count act once it commits.
 */
public record ReferralOutcome(String partner, String outcome) {
}
