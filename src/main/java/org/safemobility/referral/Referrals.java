package org.safemobility.referral;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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
import org.safemobility.access.Caller;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.Pathway;
import org.safemobility.http.ApiException;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReferrals;
import org.safemobility.intake.CaseWithdrawn;
import org.safemobility.supervision.Escalations;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Referrals of cases to partners: sending (and sending again after the office answers the partner's questions),
 * what partners read and decide, and what the office sees of its cases' referrals. Every change writes the referral,
 * its outbox event, the case's status, the workflow step and the audit entry in one transaction.
 */
@ApplicationScoped
public class Referrals {

    static final String DECIDE_OPERATION = "referral-decision";

    /** What an Idempotency-Key of a decision covers: the referral and the request as parsed. */
    record Fingerprinted(UUID referral, ReferralViews.DecisionRequest request) {
    }

    @Inject
    CaseReferrals cases;

    @Inject
    CaseQueries caseQueries;

    @Inject
    Outbox outbox;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Escalations escalations;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    OfficeScope scope;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Clock clock;

    @Inject
    Event<ReferralOutcome> outcomes;

    /** Why the workflow's send-referral step cannot go on; the job fails and becomes an incident with this message. */
    public static class ReferralBlocked extends RuntimeException {
        ReferralBlocked(String message) {
            super(message);
        }
    }

    /**
     * The {@code send-referral} step: refers the case to the partner of the pathway, or sends its open referral again
     * with the office's answers. Refuses (escalating to the office's supervisors) when the applicant has not consented
     * to sharing, or no active partner accepts the pathway.
     *
     * @return the referral's id, which the workflow correlates the partner's decision with
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID send(UUID caseId, Pathway pathway) {
        CaseReferrals.Subject subject = cases.subject(caseId);
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
                new Partner.AcceptedPathway(pathway, asked.referralPackage.document() != null));
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
        referral.referralPackage = ReferralPackage.of(subject, partner, accepted, referral.answers);
        referral.updatedAt = now;
        referral.persist();
        outbox.announce(referral, event, partner);
        cases.referred(caseId);
        audit.record("referral.sent", referral.office, caseId, details(referral));
        outcomes.fire(new ReferralOutcome(partner.id, referral.revision == 1 ? "sent" : "resent"));
        return referral.id;
    }

    private ReferralBlocked blocked(CaseReferrals.Subject subject, String why) {
        escalations.referralBlocked(subject.office(), subject.caseId(), why);
        return new ReferralBlocked(why);
    }

    // --- partners --------------------------------------------------------------------------------------------------

    /** The calling partner's referrals, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReferralViews.PartnerPage listForPartner(Referral.Status status, int page, int size) {
        String partner = callingPartner();
        Parameters params = Parameters.with("partner", partner);
        String query = "partnerId = :partner";
        if (status != null) {
            query += " and status = :status";
            params.and("status", status);
        }
        var found = Referral.<Referral>find(query, Sort.descending("sentAt").and("id", Sort.Direction.Descending), params)
                .page(page, size);
        return new ReferralViews.PartnerPage(found.list().stream().map(ReferralViews.PartnerSummary::of).toList(),
                found.count(), page, size);
    }

    /** One of the calling partner's referrals; another partner's is 404. Reading it is audited (personal data). */
    @Transactional
    public ReferralViews.ForPartner readForPartner(UUID id) {
        Referral referral = partnersOwn(id);
        audit.record("referral.viewed-by-partner", referral.office, referral.caseId,
                Map.of("referralId", referral.id.toString(), "partner", referral.partnerId));
        return ReferralViews.ForPartner.of(referral);
    }

    /**
     * The partner's decision on a referral waiting for one (409 otherwise). Moves the case and its workflow
     * (message {@code partner-decision}) in the same transaction. With an {@code Idempotency-Key}, a retry of the same
     * request answers as the first did, whatever happened in between.
     */
    @Transactional
    public ReferralViews.ForPartner decide(UUID id, ReferralViews.DecisionRequest request, String idempotencyKey) {
        String key = IdempotencyKeys.validKey(idempotencyKey);
        String partner = callingPartner();
        Caller caller = currentCaller.get();
        if (key != null) {
            String fingerprint = idempotency.fingerprint(DECIDE_OPERATION, new Fingerprinted(id, request));
            if (idempotency.claim(caller.subject(), key, DECIDE_OPERATION, fingerprint).isPresent()) {
                return ReferralViews.ForPartner.of(partnersOwn(id));
            }
        }
        Referral referral = partnersOwn(id);
        if (referral.status != Referral.Status.SENT) {
            throw ApiException.conflict("referral " + id + " is " + referral.status + "; it is not waiting for a decision");
        }
        request.check();
        Instant now = clock.instant();
        referral.status = switch (request.decision()) {
            case ACCEPTED -> Referral.Status.ACCEPTED;
            case DECLINED -> Referral.Status.DECLINED;
            case INFO_REQUESTED -> Referral.Status.INFO_REQUESTED;
        };
        referral.decisionReason = request.reason() == null ? null : request.reason().strip();
        referral.questions = request.decision() == ReferralViews.Decision.INFO_REQUESTED
                ? request.questions().stream().map(String::strip).toList() : null;
        referral.decidedBy = caller.subject();
        referral.decidedAt = now;
        referral.updatedAt = now;
        cases.partnerDecided(referral.caseId, CaseReferrals.Outcome.valueOf(request.decision().name()));
        workflow.partnerDecided(referral.caseId, referral.id.toString(), request.decision().name());
        Map<String, Object> details = details(referral);
        details.put("decision", request.decision().name());
        audit.record("referral.decided", referral.office, referral.caseId, details);
        outcomes.fire(new ReferralOutcome(partner, request.decision().name().toLowerCase(java.util.Locale.ROOT)));
        if (key != null) {
            idempotency.complete(caller.subject(), key, referral.id.toString(), 200);
        }
        return ReferralViews.ForPartner.of(referral);
    }

    private Referral partnersOwn(UUID id) {
        String partner = callingPartner();
        Referral referral = Referral.findById(id);
        if (referral == null || !referral.partnerId.equals(partner)) {
            throw ApiException.notFound("referral " + id + " not found");
        }
        return referral;
    }

    private String callingPartner() {
        return currentCaller.get().partner()
                .orElseThrow(() -> ApiException.forbidden("your account is not linked to a partner (claim partner)"));
    }

    // --- the office ------------------------------------------------------------------------------------------------

    /**
     * The referrals of a case of the caller's offices, oldest first, with the partners' decisions and questions.
     * Audited like any read of a case.
     */
    @Transactional
    public List<ReferralViews.ForOffice> forCase(UUID caseId) {
        var reference = caseQueries.references(List.of(caseId)).get(caseId);
        scope.requireVisible(reference == null ? null : reference.office(), "case " + caseId + " not found");
        List<ReferralViews.ForOffice> referrals = Referral.<Referral>list("caseId = ?1 order by sentAt, id", caseId).stream()
                .map(ReferralViews.ForOffice::of).toList();
        audit.record("case.referrals-viewed", reference.office(), caseId, Map.of("caseNumber", reference.caseNumber()));
        return referrals;
    }

    /** {@code answer-partner-query}: the office's answer joins the referral, which the workflow then sends again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAnswer(UUID caseId, String answer) {
        Referral referral = Referral.<Referral>find("caseId = ?1 and status = ?2", caseId, Referral.Status.INFO_REQUESTED)
                .firstResultOptional()
                .orElseThrow(() -> ApiException.conflict("the case has no referral waiting for an answer"));
        List<Referral.Answer> answers = new ArrayList<>(referral.answers == null ? List.of() : referral.answers);
        answers.add(new Referral.Answer(answer, clock.instant(), referral.revision + 1));
        referral.answers = answers;
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
                throw ApiException.invalid("pathway", declined.contains(pathway)
                        ? "was already declined for this case; pathways left: " + open
                        : "must be one of the pathways this case may take and that were not declined: " + open);
            }
            cases.nextPathwayChosen(caseId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("pathway", pathway.name());
            audit.record("referral.next-pathway-chosen", subject.office(), caseId, details);
        } else {
            cases.closedWithoutPathway(caseId, reason);
            audit.record("case.closed-no-pathway", subject.office(), caseId, Map.of());
        }
    }

    /** The applicant withdrew: an open referral is withdrawn too, and its partner told. */
    void onWithdrawn(@Observes CaseWithdrawn withdrawn) {
        for (Referral referral : Referral.<Referral>list("caseId = ?1 and status in ?2", withdrawn.caseId(),
                List.of(Referral.Status.SENT, Referral.Status.INFO_REQUESTED))) {
            referral.status = Referral.Status.WITHDRAWN;
            referral.updatedAt = clock.instant();
            outbox.announce(referral, Outbox.REFERRAL_WITHDRAWN, Partner.findById(referral.partnerId));
            audit.record("referral.withdrawn", referral.office, referral.caseId, details(referral));
            outcomes.fire(new ReferralOutcome(referral.partnerId, "withdrawn"));
        }
    }

    private static Map<String, Object> details(Referral referral) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referralId", referral.id.toString());
        details.put("partner", referral.partnerId);
        details.put("pathway", referral.pathway.name());
        details.put("revision", referral.revision);
        return details;
    }
}
