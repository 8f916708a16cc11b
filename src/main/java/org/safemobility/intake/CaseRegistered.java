package org.safemobility.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired in the registration's transaction: projections (supervision's cohorts) record the case in that transaction;
 * observers that count act only once it commits.
 */
public record CaseRegistered(UUID caseId, String office, String nationality, Instant registeredAt) {
}
