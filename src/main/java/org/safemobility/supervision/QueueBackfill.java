package org.safemobility.supervision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safemobility.workflow.CaseTasks;

/**
 * At start-up, fills the queue table from the engine when it is empty but the engine has open case tasks: tasks
 * created before the queue listener existed (an older database). One replica does it (a transaction-scoped advisory
 * lock); afterwards the listener keeps the table in step.
 */
@ApplicationScoped
public class QueueBackfill {

    private static final Logger LOG = Logger.getLogger(QueueBackfill.class);
    /** Any constant shared by the replicas: the advisory lock of this backfill. */
    private static final long LOCK = 0x534d4f5155455545L;

    @Inject
    EntityManager em;

    @Inject
    CaseTasks engine;

    @Inject
    TaskQueues queues;

    void onStart(@Observes StartupEvent started) {
        try {
            int filled = fillIfEmpty();
            if (filled > 0) {
                LOG.infof("queues: filled %d open tasks the engine had from before the queue listener", filled);
            }
        } catch (RuntimeException e) {
            // queues would be incomplete, but the service must still start; the next start tries again
            LOG.warnf(e, "queues: could not fill the queue table from the engine");
        }
    }

    /** Fills the queue table from the engine if it is empty; returns how many tasks it added. */
    public int fillIfEmpty() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                    .getSingleResult();
            // exists, not count: a count read every open task on every start
            if (!mine || (Boolean) em.createNativeQuery("select exists (select 1 from smo.open_task)").getSingleResult()) {
                return 0;
            }
            int[] filled = {0};
            engine.forEachOpenTask(500, page -> {
                page.stream().filter(t -> t.office() != null && t.candidateGroup() != null).forEach(queues::opened);
                em.flush();
                em.clear();
                filled[0] += page.size();
            });
            return filled[0];
        });
    }
}
