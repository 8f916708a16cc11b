package org.safemobility.eligibility;

import java.util.UUID;

/**
 * Fired in the transaction of a case's eligibility decision: the rules' first decision, or the eligible decision a
 * caseworker adopted when re-screening reopened a closed case ({@code rescreened}). Counters count first decisions only,
 * once the transaction commits.
 */
public record EligibilityDecided(UUID caseId, String office, boolean eligible, boolean rescreened) {
}
