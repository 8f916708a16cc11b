package org.safemobility.supervision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.eligibility.EligibilityDecided;
import org.safemobility.intake.CaseRegistered;
import org.safemobility.referral.Outbox;
import org.safemobility.referral.Partners;
import org.safemobility.referral.ReferralOutcome;
import org.safemobility.workflow.CaseIncidents;

/**
 * The service's figures on {@code /q/metrics} (Prometheus names): counters of registrations, eligibility decisions
 * and referral outcomes, counted once their transaction commits; and gauges of open and overdue tasks, pending and
 * dead-lettered webhooks and open incidents, read by one grouped query each every 15 seconds on a background thread,
 * so a scrape never queries the database.
 *
 * <p>Counters start at zero for every label value known at start (offices, partners, outcomes, and the nationalities
 * each office has registered), so a series exists from the first scrape and an alert on its rate works before the
 * first event (Prometheus sees no increase in a series that appears with its first count).
 */
@ApplicationScoped
public class OperationalMetrics {

    private static final Logger LOG = Logger.getLogger(OperationalMetrics.class);
    static final long REFRESH_SECONDS = 15;

    @Inject
    MeterRegistry registry;

    @Inject
    TaskQueues queues;

    @Inject
    Outbox outbox;

    @Inject
    CaseIncidents incidents;

    @Inject
    OfficeDirectory offices;

    @Inject
    EntityManager em;

    @Inject
    Partners partners;

    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong incidentsOpen = new AtomicLong();
    private final AtomicLong outboxDead = new AtomicLong();
    private MultiGauge tasksOpen;
    private MultiGauge tasksOverdue;
    private ScheduledExecutorService refresher;

    void start(@Observes StartupEvent started) {
        tasksOpen = MultiGauge.builder("smo.tasks.open").description("Open user tasks by office and activity")
                .register(registry);
        tasksOverdue = MultiGauge.builder("smo.tasks.overdue").description("Open user tasks past their due date")
                .register(registry);
        Gauge.builder("smo.outbox.pending", outboxPending, AtomicLong::get)
                .description("Webhook events waiting for delivery").register(registry);
        Gauge.builder("smo.outbox.dead", outboxDead, AtomicLong::get)
                .description("Webhook events that failed for their whole retry budget (dead letters)").register(registry);
        Gauge.builder("smo.incidents.open", incidentsOpen, AtomicLong::get)
                .description("Open workflow incidents (stuck steps)").register(registry);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        // on the background thread, not in start-up: listing the registered nationalities reads case_cohort
        refresher.execute(() -> {
            try {
                QuarkusTransaction.requiringNew().run(this::startCountersAtZero);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not list the counters' known labels; each series appears with its first count");
            }
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Reads the gauges' figures; public so that tests need not wait for the next round. */
    public void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<MultiGauge.Row<?>> open = new ArrayList<>();
                List<MultiGauge.Row<?>> overdue = new ArrayList<>();
                for (TaskQueues.Queue q : queues.allForMetrics(offices.all().keySet())) {
                    Tags tags = Tags.of("office", q.office(), "activity", q.activity());
                    open.add(MultiGauge.Row.of(tags, q.open()));
                    overdue.add(MultiGauge.Row.of(tags, q.overdue()));
                }
                tasksOpen.register(open, true);
                tasksOverdue.register(overdue, true);
                outboxPending.set(outbox.pending());
                outboxDead.set(outbox.dead());
                incidentsOpen.set(incidents.count());
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "metrics refresh failed; the gauges keep their last figures");
        }
    }

    private void startCountersAtZero() {
        for (String office : offices.all().keySet()) {
            for (boolean eligible : new boolean[] {true, false}) {
                decisions(office, eligible);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> registeredBefore = em.createNativeQuery(
                "select distinct office, nationality from smo.case_cohort").getResultList();
        for (Object[] row : registeredBefore) {
            registrations((String) row[0], (String) row[1]);
        }
        for (String partner : partners.ids()) {
            for (String outcome : ReferralOutcome.OUTCOMES) {
                referrals(partner, outcome);
            }
        }
    }

    private Counter registrations(String office, String nationality) {
        return registry.counter("smo.cases.registered", "office", office, "nationality", nationality);
    }

    private Counter decisions(String office, boolean eligible) {
        return registry.counter("smo.eligibility.decisions", "office", office, "eligible", Boolean.toString(eligible));
    }

    private Counter referrals(String partner, String outcome) {
        return registry.counter("smo.referrals", "partner", partner, "outcome", outcome);
    }

    void registered(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseRegistered event) {
        registrations(event.office(), event.nationality()).increment();
    }

    void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) EligibilityDecided event) {
        if (event.rescreened()) {
            return; // a decision of the rules counts once, when the case is first decided
        }
        decisions(event.office(), event.eligible()).increment();
    }

    void referral(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralOutcome event) {
        referrals(event.partner(), event.outcome()).increment();
    }
}
