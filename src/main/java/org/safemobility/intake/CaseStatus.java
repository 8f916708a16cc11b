package org.safemobility.intake;

/** Where a case stands, as caseworkers and reports speak of it. */
public enum CaseStatus {
    /** Registered; the eligibility decision follows in the same transaction. */
    REGISTERED,
    /** Eligible (by the rules, an approved override, or re-screening); screening follows. */
    ELIGIBLE,
    /** The rules refused; a caseworker reviews the refusal (confirm, or ask to override). */
    INELIGIBLE,
    /** A caseworker asked to override the refusal; a supervisor of the office decides. */
    OVERRIDE_REQUESTED,
    /** Closed as not eligible; re-screening may reopen it when the rules widen. */
    CLOSED_INELIGIBLE
}
