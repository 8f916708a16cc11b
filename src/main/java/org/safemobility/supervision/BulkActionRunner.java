package org.safemobility.supervision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.CaseRescreening;
import org.safemobility.intake.ProgrammeDecisions;

/**
 * Works through queued bulk actions, on every replica. A replica claims one action at a time with a lease (renewed
 * with each batch) and its workers ({@code smo.bulk.workers}) apply it to its pending cases a batch per transaction:
 * each case's change, its audit entry and its row marked done commit together, so an action taken over after a crash
 * or a restart (its lease expired) goes on with exactly the cases not yet done. A replica that finds its lease taken
 * over stops at its next batch. A batch that fails is redone case by case, so one case's failure is recorded against
 * that case alone.
 */
@ApplicationScoped
public class BulkActionRunner {

    private static final Logger LOG = Logger.getLogger(BulkActionRunner.class);

    /** This replica, as it signs its leases. */
    final String replica = UUID.randomUUID().toString();

    @ConfigProperty(name = "smo.bulk.batch-size")
    int batchSize;

    @ConfigProperty(name = "smo.bulk.lease")
    Duration lease;

    /** Threads of this replica working one action's cases side by side. */
    @ConfigProperty(name = "smo.bulk.workers")
    int workers;

    private ExecutorService pool;

    @PostConstruct
    void startWorkers() {
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bulk-action-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stopWorkers() {
        pool.shutdownNow();
    }

    @Inject
    ProgrammeDecisions decisions;

    @Inject
    CaseRescreening rescreening;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(every = "${smo.bulk.poll-every}", delayed = "${smo.bulk.poll-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        try {
            UUID claimed;
            while ((claimed = QuarkusTransaction.requiringNew().call(this::claim)) != null) {
                run(claimed);
            }
        } catch (RuntimeException e) {
            LOG.warn("bulk action runner failed; the next poll retries", e);
        }
    }

    /** The oldest unfinished action no live replica holds, now leased to this one; null when there is none. */
    UUID claim() {
        @SuppressWarnings("unchecked")
        List<UUID> free = em.createNativeQuery("""
                        select id from smo.bulk_action
                        where state in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < now())
                        order by requested_at, id limit 1
                        for update skip locked""").getResultList();
        if (free.isEmpty()) {
            return null;
        }
        BulkAction action = em.find(BulkAction.class, free.get(0));
        if (action.startedAt == null) {
            action.startedAt = clock.instant();
        } else {
            LOG.infof("bulk action %s taken over from replica %s with %d of %d cases left", action.id,
                    action.leaseOwner, action.matched - action.done - action.skipped - action.failed, action.matched);
        }
        action.state = BulkAction.State.RUNNING;
        action.leaseOwner = replica;
        renewLease(action.id);
        return action.id;
    }

    private void renewLease(UUID id) {
        em.flush();
        em.createNativeQuery("update smo.bulk_action set lease_until = now() + cast(?2 as interval) where id = ?1")
                .setParameter(1, id).setParameter(2, lease.toMillis() + " milliseconds").executeUpdate();
    }

    /** Works the action with this replica's workers until it is done, cancelled, or its lease passed to another. */
    private void run(UUID id) {
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> work(id)));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "a worker on bulk action %s failed; the next poll takes the action up again", id);
            }
        }
    }

    private void work(UUID id) {
        while (true) {
            Batch batch;
            try {
                batch = QuarkusTransaction.requiringNew().call(() -> batch(id, null));
            } catch (RuntimeException e) {
                LOG.warnf(e, "a batch of bulk action %s failed; redoing it case by case", id);
                batch = caseByCase(id);
            }
            if (batch == Batch.STOP) {
                return;
            }
        }
    }

    /** What a batch found: more may be left, or this worker stops (finished, cancelled, lease lost, nothing left). */
    private enum Batch {
        MORE, STOP
    }

    /**
     * One batch of pending cases (or the one case given), in the caller's new transaction. Each case's row is taken with
     * {@code SKIP LOCKED}, so workers of this and other replicas never take the same case, and is marked in the
     * transaction that changes the case: a case is done once, whoever does it.
     */
    private Batch batch(UUID id, UUID only) {
        BulkAction action = em.find(BulkAction.class, id);
        if (action == null || action.state.finished() || !replica.equals(action.leaseOwner)) {
            return Batch.STOP;
        }
        @SuppressWarnings("unchecked")
        List<UUID> pending = (only == null ? em.createNativeQuery("""
                        select case_id from smo.bulk_action_case where action_id = ?1 and result is null
                        order by case_id limit ?2
                        for update skip locked""").setParameter(2, batchSize)
                : em.createNativeQuery("""
                        select case_id from smo.bulk_action_case where action_id = ?1 and result is null and case_id = ?2
                        for update skip locked""").setParameter(2, only))
                .setParameter(1, id).getResultList();
        if (pending.isEmpty()) {
            finishIfDone(id);
            return Batch.STOP;
        }
        Map<String, Object> context = Map.of("bulkActionId", id.toString(), "reason", action.reason);
        Tally tally = new Tally();
        for (UUID caseId : pending) {
            String skippedBecause = apply(action, caseId, context);
            record(id, caseId, skippedBecause == null ? "DONE" : "SKIPPED", skippedBecause, tally);
        }
        count(id, tally);
        return Batch.MORE;
    }

    /** Applies the action to one case; returns why it was skipped, or null when it was applied. */
    private String apply(BulkAction action, UUID caseId, Map<String, Object> context) {
        return switch (action.action) {
            case HOLD -> decisions.hold(caseId, action.reason, action.requestedBy, context).why();
            case RESUME -> decisions.resume(caseId, action.reason, action.requestedBy, context).why();
            case CLOSE -> decisions.close(caseId, action.outcome, action.reason, action.requestedBy, context).why();
            case RESCREEN -> rescreening.rescreen(caseId, action.requestedBy, context).why();
        };
    }

    /** Counts of one batch, added to the action's in one statement at the end of the batch. */
    private static final class Tally {
        int done;
        int skipped;
        int failed;
    }

    private void record(UUID id, UUID caseId, String result, String detail, Tally tally) {
        em.createNativeQuery("""
                        update smo.bulk_action_case set result = ?3, detail = ?4, processed_at = ?5
                        where action_id = ?1 and case_id = ?2 and result is null""")
                .setParameter(1, id).setParameter(2, caseId).setParameter(3, result)
                .setParameter(4, detail).setParameter(5, clock.instant()).executeUpdate();
        switch (result) {
            case "DONE" -> tally.done++;
            case "SKIPPED" -> tally.skipped++;
            default -> tally.failed++;
        }
    }

    /** Adds a batch's counts and renews the lease; the action's row is locked only from here to the commit. */
    private void count(UUID id, Tally tally) {
        em.createNativeQuery("""
                        update smo.bulk_action set done = done + ?2, skipped = skipped + ?3, failed = failed + ?4,
                                               lease_until = now() + cast(?5 as interval)
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, tally.done).setParameter(3, tally.skipped)
                .setParameter(4, tally.failed).setParameter(5, lease.toMillis() + " milliseconds").executeUpdate();
    }

    /** After a failed batch: each of its cases in its own transaction; a case that fails again is recorded as failed. */
    private Batch caseByCase(UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select case_id from smo.bulk_action_case where action_id = ?1 and result is null
                        order by case_id limit ?2""")
                .setParameter(1, id).setParameter(2, batchSize).getResultList());
        for (UUID caseId : pending) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> batch(id, caseId)) == Batch.STOP) {
                    return Batch.STOP;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "bulk action %s failed on case %s", id, caseId);
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                QuarkusTransaction.requiringNew().run(() -> {
                    Tally tally = new Tally();
                    record(id, caseId, "FAILED", why.length() > 500 ? why.substring(0, 500) : why, tally);
                    count(id, tally);
                });
            }
        }
        return pending.isEmpty() ? Batch.STOP : Batch.MORE;
    }

    /** Completes the action once no case is left pending (another worker may still hold the last ones). */
    private void finishIfDone(UUID id) {
        BulkAction action = em.find(BulkAction.class, id);
        em.refresh(action, LockModeType.PESSIMISTIC_WRITE); // the counters other workers added since
        long left = ((Number) em.createNativeQuery(
                "select count(*) from smo.bulk_action_case where action_id = ?1 and result is null")
                .setParameter(1, id).getSingleResult()).longValue();
        if (left == 0 && action.state == BulkAction.State.RUNNING) {
            finish(action);
        }
    }

    private void finish(BulkAction action) {
        action.state = BulkAction.State.COMPLETED;
        action.finishedAt = clock.instant();
        action.leaseOwner = null;
        action.leaseUntil = null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bulkActionId", action.id.toString());
        details.put("action", action.action.name());
        details.put("done", action.done);
        details.put("skipped", action.skipped);
        details.put("failed", action.failed);
        audit.record("bulk-action.completed", action.office, null, details);
        LOG.infof("bulk action %s (%s, office %s) completed: %d done, %d skipped, %d failed", action.id, action.action,
                action.office, action.done, action.skipped, action.failed);
    }
}
