package org.safemobility.referral;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.safemobility.http.CountedTotal;
import org.safemobility.access.Caller;
import org.safemobility.access.CurrentCaller;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.NotAllowed;
import org.safemobility.errors.NotFound;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseTransition;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Referrals as a resettlement partner sees them through the partner API: its own referrals only (another partner's
 * is not found), the package they carry, and its decision, which moves the case and its workflow.
 */
@ApplicationScoped
public class PartnerReferrals {

    static final String DECIDE_OPERATION = "referral-decision";

    /** What an Idempotency-Key of a decision covers: the referral and the request as parsed. */
    record Fingerprinted(UUID referral, ReferralViews.DecisionRequest request) {
    }

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Clock clock;

    @Inject
    Event<ReferralOutcome> outcomes;

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
        // counted as far as CountedTotal.LIMIT entries of the partner's index (referral_partner or
        // referral_partner_status)
        var counting = Referral.getEntityManager().createNativeQuery("""
                        select count(*) from (select 1 from smo.referral r where r.partner_id = :partner %s
                                               limit %d) counted""".formatted(
                        status == null ? "" : "and r.status = :status", CountedTotal.LIMIT), Long.class)
                .setParameter("partner", partner);
        if (status != null) {
            counting.setParameter("status", status.name());
        }
        CountedTotal total = CountedTotal.of(((Number) counting.getSingleResult()).longValue());
        return new ReferralViews.PartnerPage(found.list().stream().map(ReferralViews.PartnerSummary::of).toList(),
                total.total(), total.capped(), page, size);
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
        Caller caller = currentCaller.get();
        IdempotencyKeys.Keyed keyed = idempotency.keyed(caller.subject(), idempotencyKey, DECIDE_OPERATION,
                new Fingerprinted(id, request));
        idempotency.once(keyed, 200, () -> decideNow(id, request, caller));
        return ReferralViews.ForPartner.of(partnersOwn(id));
    }

    private String decideNow(UUID id, ReferralViews.DecisionRequest request, Caller caller) {
        // one decision per referral at a time: a second one waits here for the first to commit, then finds it decided
        Referral referral = partnersOwn(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (referral.status != Referral.Status.SENT) {
            throw new Conflict("referral " + id + " is " + referral.status + "; it is not waiting for a decision");
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
                ? new Referral.Questions(request.questions().stream().map(String::strip).toList()) : null;
        referral.decidedBy = caller.subject();
        referral.decidedAt = now;
        referral.updatedAt = now;
        lifecycle.apply(referral.caseId, switch (request.decision()) {
            case ACCEPTED -> CaseTransition.PARTNER_ACCEPTED;
            case DECLINED -> CaseTransition.PARTNER_DECLINED;
            case INFO_REQUESTED -> CaseTransition.PARTNER_ASKED_FOR_INFORMATION;
        });
        workflow.partnerDecided(referral.caseId, referral.id.toString(), request.decision().name());
        Map<String, Object> details = ReferralSending.details(referral);
        details.put("decision", request.decision().name());
        audit.record("referral.decided", referral.office, referral.caseId, details);
        outcomes.fire(ReferralOutcome.decided(referral, request.decision(), now));
        return referral.id.toString();
    }

    private Referral partnersOwn(UUID id) {
        return partnersOwn(id, jakarta.persistence.LockModeType.NONE);
    }

    private Referral partnersOwn(UUID id, jakarta.persistence.LockModeType lock) {
        String partner = callingPartner();
        Referral referral = Referral.findById(id, lock);
        if (referral == null || !referral.partnerId.equals(partner)) {
            throw new NotFound("referral " + id + " not found");
        }
        return referral;
    }

    /**
     * The calling partner, which must be active: a deactivated partner's tokens (still valid at the provider until
     * they expire, and its machine's client until an admin disables it there) read and decide nothing.
     */
    private String callingPartner() {
        String partner = currentCaller.get().partner()
                .orElseThrow(() -> new NotAllowed("your account is not linked to a partner (claim partner)"));
        Partner known = Partner.findById(partner);
        if (known == null || !known.active) {
            throw new NotAllowed("partner " + partner + " is not active");
        }
        return partner;
    }

}
