package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the same transaction) once a case closed because the applicant withdrew consent to
 * processing: the privacy capability erases the case's personal data (or, under a legal hold, marks it to be erased
 * when the hold ends).
 */
public record ProcessingConsentWithdrawn(UUID caseId, String office, String recordedBy) {
}
