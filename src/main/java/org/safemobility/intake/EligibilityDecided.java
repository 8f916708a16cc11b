package org.safemobility.intake;

/** Fired in the transaction of a case's first eligibility decision; observers that count act once it commits. */
public record EligibilityDecided(String office, boolean eligible) {
}
