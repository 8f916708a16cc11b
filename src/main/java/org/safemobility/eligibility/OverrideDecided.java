package org.safemobility.eligibility;

import java.util.UUID;

/** Fired in the transaction in which a supervisor approves or rejects a caseworker's override of a refusal. */
public record OverrideDecided(UUID caseId, String office, boolean approved) {
}
