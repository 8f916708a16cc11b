package org.safemobility.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired in the transaction of a referral's change: {@code sent}, {@code resent}, {@code accepted}, {@code declined},
 * {@code info_requested} or {@code withdrawn}, with the case, partner and pathway it concerns. Projections record it
 * in that transaction; observers that count act once it commits.
 */
public record ReferralOutcome(UUID caseId, String partner, String pathway, String outcome, Instant at) {

    /** Every outcome a referral is counted under: sent or resent, withdrawn, and each of a partner's decisions. */
    public static final java.util.List<String> OUTCOMES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("sent", "resent", "withdrawn"),
            java.util.Arrays.stream(ReferralViews.Decision.values()).map(d -> d.name().toLowerCase(java.util.Locale.ROOT)))
            .toList();

    public static ReferralOutcome of(Referral referral, String outcome, Instant at) {
        return new ReferralOutcome(referral.caseId, referral.partnerId, referral.pathway.name(), outcome, at);
    }
}
