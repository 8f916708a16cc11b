package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.Pathway;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.intake.CaseClosedByProgramme;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseTransition;
import org.safemobility.intake.CaseWithdrawn;
import org.safemobility.intake.SharingConsentWithdrawn;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.ReferralSender;

/**
 * Referrals as the case's workflow makes them: sending (and sending again after the office answers the partner's
 * questions), recording the office's answer, choosing the next pathway after a decline, and withdrawing open referrals
 * when the applicant withdraws. Every change writes the referral, its outbox event, the case's status and the audit
 * entry in the transaction of the workflow step.
 */
@ApplicationScoped
public class ReferralSending implements ReferralSender {

    @Inject
    CaseReferrals cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<ReferralOutcome> outcomes;

    @Inject
    Event<ReferralBlocked> blocked;

    @Inject
    PathwayHolds holds;

    @Inject
    CaseWorkflow workflow;

    /** Why the workflow's send-referral step cannot go on; the job fails and becomes an incident with this message. */
    public static class SendingRefused extends RuntimeException {
        SendingRefused(String message) {
            super(message);
        }
    }

    /**
     * The {@code send-referral} step: refers the case to the partner of the pathway, or sends its open referral again
     * with the office's answers. Refuses (escalating to the office's supervisors) when the applicant has not consented
     * to sharing, or no active partner accepts the pathway. A pathway suspended at the case's office sends nothing: the
     * case goes on hold.
     *
     * @return the referral's id, which the workflow correlates the partner's decision with; or the hold
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome send(UUID caseId, String pathwayName) {
        Pathway pathway = Pathway.valueOf(pathwayName);
        CaseReferrals.Subject subject = cases.subject(caseId);
        var suspension = holds.suspension(pathway, subject.office());
        if (suspension.isPresent()) {
            return Outcome.held(holds.hold(caseId, subject.office(), pathway, suspension.get()));
        }
        if (!subject.consentToShare()) {
            throw blocked(subject, "the applicant of case " + subject.caseNumber() + " has not consented to sharing "
                    + "their data with partners; record their consent (PATCH the case) and retry the step");
        }
        Instant now = clock.instant();
        Referral asked = Referral.<Referral>find("caseId = ?1 and status = ?2", caseId, Referral.Status.INFO_REQUESTED)
                .firstResult();
        // a resend answers the partner that asked, even if an admin has since given the pathway to another partner
        Partner partner = asked != null ? Partner.<Partner>findByIdOptional(asked.partnerId)
                .filter(p -> p.active).orElseThrow(() -> blocked(subject, "partner " + asked.partnerId
                        + " that asked about this referral is no longer active; withdraw the case or reactivate the partner"))
                : Partner.forPathway(pathway).orElseThrow(() -> blocked(subject, "no active partner accepts pathway "
                        + pathway + "; an admin must assign it to a partner, then retry the step"));
        // the terms the partner has for the pathway now, or, if it no longer lists it, those the referral was sent with
        Partner.AcceptedPathway accepted = partner.accepting(pathway).orElseGet(() ->
                new Partner.AcceptedPathway(pathway, asked.referralPackage.document() != null,
                        asked.referralPackage.protection().vulnerabilities() != null,
                        asked.referralPackage.protection().summary() != null));
        Referral referral = asked;
        String event;
        if (referral == null) {
            referral = new Referral();
            referral.id = UUID.randomUUID();
            referral.caseId = caseId;
            referral.caseNumber = subject.caseNumber();
            referral.office = subject.office();
            referral.partnerId = partner.id;
            referral.pathway = pathway;
            referral.revision = 1;
            referral.sentAt = now;
            event = Outbox.REFERRAL_CREATED;
        } else {
            referral.revision++;
            event = Outbox.REFERRAL_UPDATED;
        }
        referral.status = Referral.Status.SENT;
        referral.referralPackage = ReferralPackage.of(subject, partner, accepted, answersOf(referral));
        referral.updatedAt = now;
        referral.persist();
        outbox.announce(referral, event, partner);
        lifecycle.apply(caseId, CaseTransition.REFERRAL_SENT);
        audit.record("referral.sent", referral.office, caseId, details(referral));
        outcomes.fire(ReferralOutcome.of(referral, referral.revision == 1 ? ReferralOutcome.SENT : ReferralOutcome.RESENT, now));
        return Outcome.sent(referral.id.toString());
    }

    private SendingRefused blocked(CaseReferrals.Subject subject, String why) {
        blocked.fire(new ReferralBlocked(subject.office(), subject.caseId(), why));
        return new SendingRefused(why);
    }

    /** {@code answer-partner-query}: the office's answer joins the referral, which the workflow then sends again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAnswer(UUID caseId, String answer) {
        Referral referral = Referral.<Referral>find("caseId = ?1 and status = ?2", caseId, Referral.Status.INFO_REQUESTED)
                .firstResultOptional()
                .orElseThrow(() -> new Conflict("the case has no referral waiting for an answer"));
        referral.answers = (referral.answers == null ? new Referral.Answers(List.of()) : referral.answers)
                .with(new Referral.Answer(answer, clock.instant(), referral.revision + 1));
        referral.updatedAt = clock.instant();
        audit.record("referral.query-answered", referral.office, caseId, details(referral));
    }

    /**
     * {@code choose-next-pathway} after a decline: refer to another allowed pathway that no partner has declined for
     * this case, or close the case without a pathway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void chooseNext(UUID caseId, Optional<Pathway> next, String reason) {
        CaseReferrals.Subject subject = cases.subject(caseId);
        if (next.isPresent()) {
            Pathway pathway = next.get();
            List<Pathway> declined = Referral.<Referral>list("caseId = ?1 and status = ?2", caseId, Referral.Status.DECLINED)
                    .stream().map(r -> r.pathway).distinct().toList();
            List<Pathway> open = subject.allowedPathways().stream().filter(p -> !declined.contains(p)).toList();
            if (!open.contains(pathway)) {
                throw Invalid.of("pathway", declined.contains(pathway)
                        ? "was already declined for this case; pathways left: " + open
                        : "must be one of the pathways this case may take and that were not declined: " + open);
            }
            lifecycle.apply(caseId, CaseTransition.NEXT_PATHWAY_CHOSEN);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("pathway", pathway.name());
            audit.record("referral.next-pathway-chosen", subject.office(), caseId, details);
        } else {
            lifecycle.apply(caseId, CaseTransition.CLOSED_WITHOUT_PATHWAY, reason);
            audit.record("case.closed-no-pathway", subject.office(), caseId, Map.of());
        }
    }

    /** The applicant withdrew: an open referral is withdrawn too, and its partner told; a hold ends. */
    void onWithdrawn(@Observes CaseWithdrawn withdrawn) {
        endOpenReferrals(withdrawn.caseId());
    }

    /**
     * The applicant no longer consents to sharing: the open referral is withdrawn (its partner told, its package no
     * longer served), and a case waiting on the partner goes back to {@code send-referral}, which refuses (an incident
     * for the office's supervisors) until consent is given again and the step retried. A hold stays: releasing it
     * meets the same refusal.
     */
    void onSharingConsentWithdrawn(@Observes SharingConsentWithdrawn withdrawn) {
        List<Referral> open = Referral.list("caseId = ?1 and status in ?2", withdrawn.caseId(),
                List.of(Referral.Status.SENT, Referral.Status.INFO_REQUESTED));
        open.forEach(this::withdraw);
        if (!open.isEmpty()) {
            lifecycle.apply(withdrawn.caseId(), CaseTransition.SHARING_CONSENT_WITHDRAWN);
            workflow.restartAt(withdrawn.caseId(), withdrawn.office(), "send-referral");
        }
    }

    /** A programme decision closed the case: the same as a withdrawal, for its partner. */
    void onClosed(@Observes CaseClosedByProgramme closed) {
        endOpenReferrals(closed.caseId());
    }

    /**
     * The case moved to another office, which decides eligibility with its own rules: a referral made on the sending
     * office's decision is withdrawn (its partner told), and a hold on a suspended pathway ends.
     */
    void onTransferred(@Observes org.safemobility.intake.CaseTransferred transferred) {
        transferred.referralsWithdrawn(endOpenReferrals(transferred.caseId()));
    }

    private int endOpenReferrals(UUID caseId) {
        PathwayHold.deleteById(caseId);
        List<Referral> open = Referral.list("caseId = ?1 and status in ?2", caseId,
                List.of(Referral.Status.SENT, Referral.Status.INFO_REQUESTED));
        open.forEach(this::withdraw);
        return open.size();
    }

    /** Withdraws an open referral: its partner is told, and nothing more is expected of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdraw(Referral referral) {
        referral.status = Referral.Status.WITHDRAWN;
        referral.updatedAt = clock.instant();
        outbox.announce(referral, Outbox.REFERRAL_WITHDRAWN, Partner.findById(referral.partnerId));
        audit.record("referral.withdrawn", referral.office, referral.caseId, details(referral));
        outcomes.fire(ReferralOutcome.of(referral, ReferralOutcome.WITHDRAWN, clock.instant()));
    }

    private static List<Referral.Answer> answersOf(Referral referral) {
        return referral.answers == null ? List.of() : referral.answers.items();
    }

    static Map<String, Object> details(Referral referral) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referralId", referral.id.toString());
        details.put("partner", referral.partnerId);
        details.put("pathway", referral.pathway.name());
        details.put("revision", referral.revision);
        return details;
    }
}
