package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the correction's transaction) when a caseworker corrects what was recorded about the
 * applicant. When an eligibility input changed (nationality, arrival date), eligibility decides again, and may move
 * the case; a refusal to move it (409) undoes the correction with it.
 */
public record CaseCorrected(UUID caseId, String office, boolean eligibilityInputsChanged) {
}
