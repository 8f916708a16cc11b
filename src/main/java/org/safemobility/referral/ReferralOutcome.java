package org.safemobility.referral;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fired in the transaction of a referral's change: {@code sent}, {@code resent}, {@code accepted}, {@code declined},
 * {@code info_requested} or {@code withdrawn}, with the case, partner and pathway it concerns. Projections record it
 * in that transaction; observers that count act once it commits.
 */
public record ReferralOutcome(UUID caseId, String partner, String pathway, String outcome, Instant at) {

    public static final String SENT = "sent";
    public static final String RESENT = "resent";
    public static final String WITHDRAWN = "withdrawn";
    /** A partner's decisions, as {@link #decided} names them. */
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";

    /** Every outcome a referral is counted under: sent or resent, withdrawn, and each of a partner's decisions. */
    public static final List<String> OUTCOMES = Stream.concat(Stream.of(SENT, RESENT, WITHDRAWN),
            Arrays.stream(ReferralViews.Decision.values()).map(ReferralOutcome::outcomeOf)).toList();

    public static ReferralOutcome of(Referral referral, String outcome, Instant at) {
        return new ReferralOutcome(referral.caseId, referral.partnerId, referral.pathway.name(), outcome, at);
    }

    /** The partner's decision on the referral. */
    static ReferralOutcome decided(Referral referral, ReferralViews.Decision decision, Instant at) {
        return of(referral, outcomeOf(decision), at);
    }

    private static String outcomeOf(ReferralViews.Decision decision) {
        return decision.name().toLowerCase(Locale.ROOT);
    }
}
