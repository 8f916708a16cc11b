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
    CLOSED_INELIGIBLE,
    /** The screening interview is booked (or the review returned it to be done again). */
    INTERVIEW_SCHEDULED,
    /** Interviewed; a supervisor of the office reviews the pathway. */
    INTERVIEWED,
    /** A supervisor approved one pathway; the referral to its partner follows. */
    PATHWAY_APPROVED,
    /** The applicant withdrew. */
    WITHDRAWN;

    /** A case in a final state: nothing more happens to it (re-screening aside). */
    public boolean isClosed() {
        return this == CLOSED_INELIGIBLE || this == WITHDRAWN;
    }
}
