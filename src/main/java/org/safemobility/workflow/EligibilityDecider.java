package org.safemobility.workflow;

import java.util.UUID;

/**
 * What the business rule task {@code eligibility} needs from the eligibility capability: decide the case and record
 * the decision, in the engine's transaction, and say whether it is eligible (the only thing the process routes on).
 * Declared here, implemented by {@code eligibility}, so the engine glue depends on no capability.
 */
public interface EligibilityDecider {

    boolean decide(UUID caseId);
}
