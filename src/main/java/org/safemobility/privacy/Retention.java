package org.safemobility.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CasePersonalData;

/**
 * The daily retention job: erases the personal data of cases closed longer ago than
 * {@code smo.retention.closed-case-personal-data}, and of those whose erasure waited for a legal hold to end, in short
 * batches (one transaction each). One replica at a time: each batch first takes a transaction-scoped advisory lock,
 * and a replica that cannot get it stops (another is at work); rows are also taken {@code for update skip locked}.
 * Other categories have their own clocks: idempotency keys ({@code smo.idempotency.retention}, 24 h) and the engine's
 * history (its history cleanup, nightly); see docs/configuration.md.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** The advisory lock's key: "smo.retention" as a number, the same on every replica. */
    static final long LOCK = 0x736d6f2e726574L;

    @Schema(name = "RetentionRun")
    public record Run(@Schema(description = "Cases closed before this moment were due") Instant closedBefore,
                      int erased,
                      @Schema(description = "Another replica held the job's lock: this run stopped early") boolean busy,
                      long millis,
                      @Schema(description = "Cases erased per second in this run") double perSecond) {
    }

    @ConfigProperty(name = "smo.retention.closed-case-personal-data")
    Duration closedCasePersonalData;

    @ConfigProperty(name = "smo.retention.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    CasePersonalData cases;

    @Inject
    Erasure erasure;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(cron = "${smo.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Run run = run(AuditTrail.SYSTEM);
        if (run.erased() > 0 || run.busy()) {
            LOG.infof("retention: erased %d cases closed before %s in %d ms%s", run.erased(), run.closedBefore(),
                    run.millis(), run.busy() ? " (stopped: another replica holds the job)" : "");
        }
    }

    /** Runs the job now; each erasure is audited as decided by {@code decidedBy} (the system, or the admin who ran it). */
    public Run run(String decidedBy) {
        Instant cutoff = clock.instant().minus(closedCasePersonalData);
        long started = System.nanoTime();
        int erased = 0;
        boolean busy = false;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                Boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                        .setParameter(1, LOCK).getSingleResult();
                if (!mine) {
                    return -1;
                }
                List<UUID> due = cases.dueForErasure(cutoff, batchSize);
                due.forEach(id -> erasure.dueToRetention(id, decidedBy));
                return due.size();
            });
            if (done < 0) {
                busy = true;
                break;
            }
            erased += done;
            if (done < batchSize) {
                break;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Run(cutoff, erased, busy, millis, millis == 0 ? erased : erased * 1000.0 / millis);
    }
}
