package org.safemobility.workflow;

import java.util.UUID;

/**
 * What the service task {@code send-referral} needs from the referral capability: refer the case to the partner of
 * the pathway (or send its open referral again) and name the referral the process now waits on; or, when the pathway
 * is suspended at the case's office, put the case on hold instead. Declared here, implemented by {@code referral}.
 */
public interface ReferralSender {

    /** What became of the step: the referral the partner's decision will be correlated with, or a hold. */
    record Outcome(String referralId, String heldBecause) {

        public static Outcome sent(String referralId) {
            return new Outcome(referralId, null);
        }

        public static Outcome held(String because) {
            return new Outcome(null, because);
        }

        public boolean held() {
            return heldBecause != null;
        }
    }

    Outcome send(UUID caseId, String pathway);
}
