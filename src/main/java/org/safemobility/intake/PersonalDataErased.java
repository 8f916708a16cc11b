package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the erasure's transaction) once intake has erased a case's people: every capability erases
 * what it holds about them (interview, notes, free-text reasons, referral packages), keeping what statistics need.
 */
public record PersonalDataErased(UUID caseId, String office) {
}
