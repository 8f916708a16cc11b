package org.safemobility.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.Pathway;
import org.safemobility.eligibility.PathwaySuspensionChanged;
import org.safemobility.eligibility.PathwaySuspensions;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;
import org.safemobility.intake.CaseStatus;
import org.safemobility.intake.CaseTransition;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Suspended pathways as the referral capability lives with them. An approved case whose pathway is suspended waits on
 * hold (its workflow in {@code await-pathway}, no partner deadline) until the suspension is lifted or the office
 * chooses another allowed pathway; a referral already with its partner is marked held, and the partner told
 * ({@code referral.held}), until the suspension is lifted ({@code referral.resumed}). Suspensions take effect by the
 * day (office calendar), so a sweep applies them: every minute by default, on every replica, each row taken with
 * {@code SKIP LOCKED} so that replicas share the work and never do it twice.
 */
@ApplicationScoped
public class PathwayHolds {

    private static final Logger LOG = Logger.getLogger(PathwayHolds.class);
    private static final int BATCH = 200;

    @Schema(name = "PathwayHoldRelease")
    public record ReleaseRequest(
            @NotNull @Schema(description = "Another pathway the case may take, not suspended and not declined") Pathway pathway,
            @NotBlank @Size(max = 1000) @Schema(description = "Why the office chose it") String reason) {
    }

    @Inject
    PathwaySuspensions suspensions;

    @Inject
    CaseReferrals cases;

    @Inject
    CaseQueries caseQueries;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Outbox outbox;

    @Inject
    ReferralSending sending;

    @Inject
    OfficeScope scope;

    @Inject
    OfficeDirectory offices;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The office's cases on their way to the pathway: on hold for it, or with an open referral on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> casesOn(String office, Pathway pathway) {
        return PathwayHold.getEntityManager().createNativeQuery("""
                        select case_id from smo.pathway_hold where office = ?1 and pathway = ?2
                        union
                        select case_id from smo.referral where office = ?1 and pathway = ?2 and status in ('SENT', 'INFO_REQUESTED')""")
                .setParameter(1, office).setParameter(2, pathway.name()).getResultList();
    }

    /** The suspension that stops the pathway at the office today, if any: the send step asks before it sends. */
    Optional<PathwaySuspensions.SuspensionView> suspension(Pathway pathway, String office) {
        return suspensions.inForce(pathway, office);
    }

    /** The send step found the pathway suspended: the case goes on hold, in the step's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    String hold(UUID caseId, String office, Pathway pathway, PathwaySuspensions.SuspensionView suspension) {
        PathwayHold hold = PathwayHold.findById(caseId);
        if (hold == null) {
            hold = new PathwayHold();
            hold.caseId = caseId;
            hold.office = office;
            hold.heldSince = clock.instant();
            hold.pathway = pathway;
            hold.persist();
        } else {
            hold.pathway = pathway;
        }
        lifecycle.apply(caseId, CaseTransition.HELD_FOR_SUSPENDED_PATHWAY);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pathway", pathway.name());
        details.put("suspensionId", suspension.id().toString());
        audit.record("case.held-pathway-suspended", office, caseId, details);
        return "pathway " + pathway + " is suspended at office " + office + " since " + suspension.startsOn() + ": "
                + suspension.reason();
    }

    /**
     * The office chooses another allowed pathway for a case on hold: 409 when the case is not on hold, 400 when the
     * pathway is not one it may take, was declined, or is suspended too.
     */
    @Transactional
    public void chooseAnother(UUID caseId, ReleaseRequest request) {
        CaseReference reference = caseQueries.reference(caseId);
        scope.requireVisible(reference == null ? null : reference.office(), "case " + caseId + " not found");
        PathwayHold hold = PathwayHold.findById(caseId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            throw new Conflict("case " + reference.caseNumber() + " is not waiting on a suspended pathway");
        }
        Pathway pathway = request.pathway();
        List<Pathway> declined = Referral.<Referral>list("caseId = ?1 and status = ?2", caseId, Referral.Status.DECLINED)
                .stream().map(r -> r.pathway).distinct().toList();
        List<Pathway> open = cases.subject(caseId).allowedPathways().stream()
                .filter(p -> !declined.contains(p) && suspensions.inForce(p, hold.office).isEmpty()).toList();
        if (!open.contains(pathway)) {
            throw Invalid.of("pathway", pathway == hold.pathway ? "is the suspended pathway the case waits on"
                    : "must be a pathway this case may take, not declined and not suspended: " + open);
        }
        // an open referral to the suspended pathway's partner (its questions unanswered) ends: the case goes elsewhere
        for (Referral asked : Referral.<Referral>list("caseId = ?1 and status = ?2", caseId, Referral.Status.INFO_REQUESTED)) {
            sending.withdraw(asked);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", hold.pathway.name());
        details.put("pathway", pathway.name());
        details.put("reason", request.reason().strip());
        release(hold, pathway, details);
    }

    private void release(PathwayHold hold, Pathway pathway, Map<String, Object> details) {
        UUID caseId = hold.caseId;
        String office = hold.office;
        boolean changed = pathway != hold.pathway;
        hold.delete();
        if (caseQueries.facts(caseId).status() != CaseStatus.PATHWAY_ON_HOLD) {
            return; // the case moved on (withdrawn, closed) and its hold was left behind: nothing to release
        }
        lifecycle.apply(caseId, CaseTransition.PATHWAY_HOLD_RELEASED);
        audit.record("case.pathway-hold-released", office, caseId, details);
        workflow.releasePathwayHold(caseId, changed ? pathway.name() : null);
    }

    /**
     * An admin's change applies at once (after its commit, off the request's thread): cases on hold for a suspension
     * lifted from today are released now, not at the next sweep.
     */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PathwaySuspensionChanged change) {
        java.util.concurrent.CompletableFuture.runAsync(this::sweep);
    }

    /** Applies suspensions as they start and end: marks and unmarks sent referrals, releases cases whose pathway reopened. */
    @Scheduled(every = "${smo.suspensions.sweep-every}", delayed = "${smo.suspensions.sweep-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void sweep() {
        try {
            Sweep sweep = QuarkusTransaction.requiringNew().call(() -> new Sweep());
            keyset(after -> referralBatch(after, sweep));
            keyset(after -> holdBatch(after, sweep));
            if (sweep.held + sweep.resumed + sweep.released > 0) {
                LOG.infof("pathway suspensions applied: %d referrals held, %d resumed, %d cases released", sweep.held,
                        sweep.resumed, sweep.released);
            }
        } catch (RuntimeException e) {
            LOG.warn("pathway suspension sweep failed; the next one retries", e);
        }
    }

    /**
     * What one sweep did, and which suspensions are in force at each office today (a handful of pathways times a
     * handful of offices, asked once), so that the batches read only the rows whose state must change.
     */
    private final class Sweep {
        final Map<String, Optional<PathwaySuspensions.SuspensionView>> inForce = new java.util.HashMap<>();
        final String suspendedPairs;
        long held;
        long resumed;
        long released;

        Sweep() {
            List<String> pairs = new java.util.ArrayList<>();
            for (String office : offices.all().keySet()) {
                for (Pathway pathway : Pathway.values()) {
                    if (suspension(pathway, office).isPresent()) {
                        pairs.add(pathway + "/" + office);
                    }
                }
            }
            suspendedPairs = "{" + String.join(",", pairs) + "}";
        }

        Optional<PathwaySuspensions.SuspensionView> suspension(Pathway pathway, String office) {
            return inForce.computeIfAbsent(pathway + "/" + office, k -> suspensions.inForce(pathway, office));
        }
    }

    /** Batch after batch in id order, each in its own transaction, until one comes back short. */
    private static void keyset(java.util.function.Function<UUID, UUID> batch) {
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first
        while (after != null) {
            UUID from = after;
            after = QuarkusTransaction.requiringNew().call(() -> batch.apply(from));
        }
    }

    /**
     * Open referrals whose held state is not what today's suspensions say (not held on a suspended pathway, or held on
     * one that is open again), locked so that another replica's sweep skips them.
     *
     * @return the last id seen, or null after the last batch
     */
    private UUID referralBatch(UUID after, Sweep sweep) {
        @SuppressWarnings("unchecked")
        List<Referral> open = Referral.getEntityManager().createNativeQuery("""
                        select r.* from smo.referral r
                        where r.status in ('SENT', 'INFO_REQUESTED') and r.id > ?1
                          and (r.held_since is null) = ((r.pathway || '/' || r.office) = any(cast(?3 as text[])))
                        order by r.id
                        limit ?2
                        for update skip locked""", Referral.class)
                .setParameter(1, after).setParameter(2, BATCH).setParameter(3, sweep.suspendedPairs).getResultList();
        for (Referral referral : open) {
            Optional<PathwaySuspensions.SuspensionView> suspension = sweep.suspension(referral.pathway, referral.office);
            boolean held = referral.heldSince != null;
            if (suspension.isPresent() == held) {
                continue;
            }
            Map<String, Object> details = ReferralSending.details(referral);
            referral.updatedAt = clock.instant();
            if (suspension.isPresent()) {
                referral.heldSince = referral.updatedAt;
                outbox.announce(referral, Outbox.REFERRAL_HELD, Partner.findById(referral.partnerId));
                details.put("suspensionId", suspension.get().id().toString());
                audit.record("referral.held", referral.office, referral.caseId, details);
                sweep.held++;
            } else {
                referral.heldSince = null;
                outbox.announce(referral, Outbox.REFERRAL_RESUMED, Partner.findById(referral.partnerId));
                audit.record("referral.resumed", referral.office, referral.caseId, details);
                sweep.resumed++;
            }
            workflow.referralHeld(referral.caseId, referral.heldSince != null);
        }
        return open.size() < BATCH ? null : open.get(open.size() - 1).id;
    }

    /** Cases on hold whose pathway reopened at their office: each released with the same pathway. */
    private UUID holdBatch(UUID after, Sweep sweep) {
        @SuppressWarnings("unchecked")
        List<PathwayHold> holds = PathwayHold.getEntityManager().createNativeQuery("""
                        select h.* from smo.pathway_hold h
                        where h.case_id > ?1 and not ((h.pathway || '/' || h.office) = any(cast(?3 as text[])))
                        order by h.case_id limit ?2
                        for update skip locked""", PathwayHold.class)
                .setParameter(1, after).setParameter(2, BATCH).setParameter(3, sweep.suspendedPairs).getResultList();
        UUID last = holds.isEmpty() ? null : holds.get(holds.size() - 1).caseId;
        for (PathwayHold hold : holds) {
            if (sweep.suspension(hold.pathway, hold.office).isPresent() || caseQueries.facts(hold.caseId).held()) {
                continue; // still suspended; or a programme decision holds the case, and resuming it comes first
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("pathway", hold.pathway.name());
            details.put("reason", "the suspension was lifted");
            release(hold, hold.pathway, details);
            sweep.released++;
        }
        return holds.size() < BATCH ? null : last;
    }
}
