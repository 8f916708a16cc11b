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
    /** A pathway is approved (by the supervisor, or chosen after a decline); the referral to its partner follows. */
    PATHWAY_APPROVED,
    /**
     * Approved, but the pathway is suspended (a destination's decision): the case waits on hold in its workflow, with
     * no partner deadline running, until the suspension is lifted or the office chooses another allowed pathway.
     */
    PATHWAY_ON_HOLD,
    /** Referred to the partner of the pathway; waiting for its decision. */
    REFERRED,
    /** The partner asked for more information; a caseworker answers, and the referral is sent again. */
    INFORMATION_REQUESTED,
    /** The partner declined; a caseworker refers the case to another allowed pathway or closes it. */
    REFERRAL_DECLINED,
    /** Closed: the partner accepted the referral. */
    REFERRED_ACCEPTED,
    /** Closed: no pathway is left for the applicant. */
    NO_PATHWAY,
    /** The applicant withdrew. */
    WITHDRAWN,
    /** Closed by a programme decision (a bulk close, with its outcome, such as PROGRAMME_SUSPENDED). */
    CLOSED_BY_PROGRAMME,
    /** Closed: the applicant is the same person as on an earlier case (linked to it), which carries on. */
    DUPLICATE;

    /** A case in a final state: nothing more happens to it (re-screening aside). */
    public boolean isClosed() {
        return this == CLOSED_INELIGIBLE || this == WITHDRAWN || this == REFERRED_ACCEPTED || this == NO_PATHWAY
                || this == CLOSED_BY_PROGRAMME || this == DUPLICATE;
    }
}
