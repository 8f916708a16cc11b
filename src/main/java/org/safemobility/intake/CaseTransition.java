package org.safemobility.intake;

import static org.safemobility.intake.CaseStatus.CLOSED_BY_PROGRAMME;
import static org.safemobility.intake.CaseStatus.DUPLICATE;
import static org.safemobility.intake.CaseStatus.CLOSED_INELIGIBLE;
import static org.safemobility.intake.CaseStatus.ELIGIBLE;
import static org.safemobility.intake.CaseStatus.INELIGIBLE;
import static org.safemobility.intake.CaseStatus.INFORMATION_REQUESTED;
import static org.safemobility.intake.CaseStatus.INTERVIEWED;
import static org.safemobility.intake.CaseStatus.INTERVIEW_SCHEDULED;
import static org.safemobility.intake.CaseStatus.NO_PATHWAY;
import static org.safemobility.intake.CaseStatus.OVERRIDE_REQUESTED;
import static org.safemobility.intake.CaseStatus.PATHWAY_APPROVED;
import static org.safemobility.intake.CaseStatus.PATHWAY_ON_HOLD;
import static org.safemobility.intake.CaseStatus.REFERRAL_DECLINED;
import static org.safemobility.intake.CaseStatus.REFERRED;
import static org.safemobility.intake.CaseStatus.REFERRED_ACCEPTED;
import static org.safemobility.intake.CaseStatus.REGISTERED;
import static org.safemobility.intake.CaseStatus.WITHDRAWN;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The case's life as one table: each event that moves a case, the statuses it may happen in, and the status it leads
 * to. Every capability moves a case through {@link CaseLifecycle}, which refuses anything not in this table, so the
 * status means the same thing whoever changed it (and mirrors the case process without asking the engine).
 */
public enum CaseTransition {

    // eligibility
    FOUND_ELIGIBLE(ELIGIBLE, REGISTERED),
    FOUND_INELIGIBLE(INELIGIBLE, REGISTERED),
    REFUSAL_CONFIRMED(CLOSED_INELIGIBLE, INELIGIBLE),
    OVERRIDE_REQUESTED_BY_CASEWORKER(OVERRIDE_REQUESTED, INELIGIBLE),
    OVERRIDE_APPROVED(ELIGIBLE, OVERRIDE_REQUESTED),
    OVERRIDE_REJECTED(CLOSED_INELIGIBLE, OVERRIDE_REQUESTED),
    REOPENED_BY_RESCREENING(ELIGIBLE, CLOSED_INELIGIBLE),
    KEPT_CLOSED_AFTER_RESCREENING(CLOSED_INELIGIBLE, CLOSED_INELIGIBLE),
    // a correction of an eligibility input (nationality, arrival date) decided the other way, before any pathway
    CORRECTED_TO_INELIGIBLE(INELIGIBLE, ELIGIBLE, INTERVIEW_SCHEDULED, INTERVIEWED),
    CORRECTED_TO_ELIGIBLE(ELIGIBLE, INELIGIBLE, OVERRIDE_REQUESTED, CLOSED_INELIGIBLE),
    // screening
    INTERVIEW_BOOKED(INTERVIEW_SCHEDULED, ELIGIBLE),
    INTERVIEW_RECORDED(INTERVIEWED, INTERVIEW_SCHEDULED),
    PATHWAY_APPROVED_BY_SUPERVISOR(PATHWAY_APPROVED, INTERVIEWED),
    INTERVIEW_RETURNED(INTERVIEW_SCHEDULED, INTERVIEWED),
    // referral
    REFERRAL_SENT(REFERRED, PATHWAY_APPROVED, INFORMATION_REQUESTED),
    PARTNER_ACCEPTED(REFERRED_ACCEPTED, REFERRED),
    PARTNER_DECLINED(REFERRAL_DECLINED, REFERRED),
    PARTNER_ASKED_FOR_INFORMATION(INFORMATION_REQUESTED, REFERRED),
    NEXT_PATHWAY_CHOSEN(PATHWAY_APPROVED, REFERRAL_DECLINED),
    CLOSED_WITHOUT_PATHWAY(NO_PATHWAY, REFERRAL_DECLINED),
    // a suspended pathway: the case waits instead of being referred, until released (lifted, or another pathway chosen)
    HELD_FOR_SUSPENDED_PATHWAY(PATHWAY_ON_HOLD, PATHWAY_APPROVED, INFORMATION_REQUESTED),
    PATHWAY_HOLD_RELEASED(PATHWAY_APPROVED, PATHWAY_ON_HOLD),
    // the applicant withdrew consent to sharing while referred: the referral is withdrawn, the approval stands
    SHARING_CONSENT_WITHDRAWN(PATHWAY_APPROVED, REFERRED, INFORMATION_REQUESTED),
    // the applicant, at any stage of an open case
    WITHDRAWN_BY_APPLICANT(WITHDRAWN, open()),
    // a programme decision (bulk close), at any stage of an open case
    CLOSED_BY_PROGRAMME_DECISION(CLOSED_BY_PROGRAMME, open()),
    // a caseworker found the applicant to be the same person as on an earlier case: while the case is open, or after
    // its journey closed it without a pathway (the review runs beside the journey)
    CONFIRMED_DUPLICATE(DUPLICATE, openOr(CLOSED_INELIGIBLE, NO_PATHWAY)),
    // the receiving office accepted a transfer: the case starts again there at the eligibility decision
    TRANSFERRED_TO_ANOTHER_OFFICE(REGISTERED, open());

    private final CaseStatus to;
    private final Set<CaseStatus> from;

    CaseTransition(CaseStatus to, CaseStatus... from) {
        this.to = to;
        this.from = from.length == 0 ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(Arrays.asList(from));
    }

    private static CaseStatus[] openOr(CaseStatus... closed) {
        return java.util.stream.Stream.concat(Arrays.stream(open()), Arrays.stream(closed)).toArray(CaseStatus[]::new);
    }

    private static CaseStatus[] open() {
        return Arrays.stream(CaseStatus.values()).filter(s -> !s.isClosed()).toArray(CaseStatus[]::new);
    }

    public CaseStatus to() {
        return to;
    }

    public Set<CaseStatus> from() {
        return Set.copyOf(from);
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }
}
