package org.safemobility.workflow;

import java.util.UUID;

/**
 * What the service task {@code send-referral} needs from the referral capability: refer the case to the partner of
 * the pathway (or send its open referral again) and name the referral the process now waits on. Declared here,
 * implemented by {@code referral}.
 */
public interface ReferralSender {

    /** @return the id of the referral the partner's decision will be correlated with */
    String send(UUID caseId, String pathway);
}
