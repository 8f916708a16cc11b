package org.safemobility.supervision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.safemobility.access.OfficeScope;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;
import org.safemobility.time.Timestamps;
import org.safemobility.workflow.UserTaskEvent;

/**
 * Work queues of the offices: how many tasks are open per office and activity, how many nobody holds, how many are
 * overdue, and how old they are. {@link OpenTask}, which task listeners keep in step with the engine in the transaction
 * of each change, is tallied by day in the database (V27), so that the figures do not count every open task.
 */
@ApplicationScoped
public class TaskQueues {

    private static final Logger LOG = Logger.getLogger(TaskQueues.class);
    static final Duration DAY = Duration.ofDays(1);

    @Schema(name = "Queue")
    public record Queue(String office, String activity, long open, long unassigned, long overdue,
                        @Schema(description = "Open tasks by age: <1d, 1-3d, 3-7d, >7d") Map<String, Long> ageBuckets,
                        Instant oldestCreated,
                        @Schema(description = "Age of the oldest open task, in seconds") long oldestAgeSeconds) {
    }

    @Schema(name = "Queues")
    public record Queues(Instant at, List<Queue> items) {
    }

    @Schema(name = "QueueTask")
    public record QueueTask(String taskId, String activity, UUID caseId, String caseNumber, String office,
                            String assignee, int priority, Instant created, Instant due, boolean overdue) {
    }

    @Schema(name = "QueueTaskPage")
    public record QueueTaskPage(List<QueueTask> items, long total, int page, int size) {
    }


    /**
     * The figures of the offices ?1 at the moment ?4: tallies summed per office and activity (?2 today, ?5/?8/?11 the
     * days of the age boundaries), plus, from open_task's indexes, the tasks due today before ?4 (from ?3, today's
     * midnight) and those created on each boundary's day after the boundary (?6/?9/?12) and before the next midnight
     * (?7/?10/?13). Public for the queue benchmark, which prints its plan.
     */
    public static final String FIGURES = """
                with tally as (
                    select office, activity, sum(tasks) as tasks, sum(unassigned) as unassigned,
                           coalesce(sum(tasks) filter (where due_on < ?2), 0) as due_before_today,
                           coalesce(sum(tasks) filter (where created_on > ?5), 0) as after_day_1,
                           coalesce(sum(tasks) filter (where created_on > ?8), 0) as after_day_3,
                           coalesce(sum(tasks) filter (where created_on > ?11), 0) as after_day_7
                      from smo.queue_tally
                     where office = any(?1)
                     group by office, activity
                    having sum(tasks) > 0)
                select t.office, t.activity, t.tasks, t.unassigned,
                       t.due_before_today + (select count(*) from smo.open_task o
                            where o.office = t.office and o.activity = t.activity
                              and o.due_at >= ?3 and o.due_at < ?4),
                       t.after_day_1 + (select count(*) from smo.open_task o
                            where o.office = t.office and o.activity = t.activity
                              and o.created_at > ?6 and o.created_at < ?7),
                       t.after_day_3 + (select count(*) from smo.open_task o
                            where o.office = t.office and o.activity = t.activity
                              and o.created_at > ?9 and o.created_at < ?10),
                       t.after_day_7 + (select count(*) from smo.open_task o
                            where o.office = t.office and o.activity = t.activity
                              and o.created_at > ?12 and o.created_at < ?13),
                       (select min(o.created_at) from smo.open_task o
                         where o.office = t.office and o.activity = t.activity)
                  from tally t
                 order by t.office, t.activity""";

    /**
     * A page of one queue: each office's oldest tasks of the activity from its own index (open_task_list), as deep as
     * the page reaches, merged. {@code %s}: the filters, each starting with "and". Public for the queue benchmark.
     */
    public static final String PAGE = """
            select t.* from unnest(cast(:offices as text[])) g(office)
             cross join lateral (select * from smo.open_task t where t.office = g.office and t.activity = :activity %s
                                  order by t.created_at, t.task_id limit :upTo) t
             order by t.created_at, t.task_id offset :skip limit :size""";

    @Inject
    EntityManager em;

    @Inject
    OfficeScope scope;

    @Inject
    CaseQueries cases;

    @Inject
    Clock clock;

    // --- kept in step with the engine's user tasks, in the engine's transaction ----------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    void onTask(@Observes UserTaskEvent event) {
        switch (event.kind()) {
            case OPENED -> opened(event.task());
            case CHANGED -> changed(event.task());
            case CLOSED -> closed(event.taskId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(UserTaskEvent.UserTask task) {
        OpenTask found = OpenTask.findById(task.taskId());
        OpenTask row = found == null ? new OpenTask() : found;
        row.taskId = task.taskId();
        row.office = task.office();
        row.activity = task.activity();
        row.name = task.name();
        row.candidateGroup = task.candidateGroup();
        row.caseId = task.caseId();
        row.assignee = task.assignee();
        row.priority = task.priority();
        row.createdAt = task.created();
        row.dueAt = task.due();
        if (found == null) {
            row.persist(); // after the fields: Hibernate takes the row to insert as it is now
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UserTaskEvent.UserTask task) {
        OpenTask row = OpenTask.findById(task.taskId());
        if (row == null) {
            // a change before the opening (the engine reports an assignment made at creation first; the opening
            // follows), or a task from before the listener existed (the start-up backfill adds those)
            return;
        }
        row.assignee = task.assignee();
        row.priority = task.priority();
        row.dueAt = task.due();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(String taskId) {
        OpenTask.deleteById(taskId);
    }

    // --- read by supervisors ------------------------------------------------------------------------------------------

    /** Per office and activity, for the supervisor's offices (or the one asked for). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Queues queues(String office) {
        Set<String> offices = scope.officesToRead(office, "office");
        Instant now = clock.instant();
        return new Queues(now, figures(offices, now));
    }

    /**
     * The figures of each office and activity with open tasks, exact at {@code now}: whole days from the tallies
     * (V27), the one partial day at each boundary counted from open_task's indexes. A figure "created after b" is the
     * tasks of the days after b's day plus those of b's day created after b; "due before now" likewise with today.
     */
    private List<Queue> figures(Set<String> offices, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant[] after = {now.minus(DAY), now.minus(DAY.multipliedBy(3)), now.minus(DAY.multipliedBy(7))};
        var query = em.createNativeQuery(FIGURES)
                .setParameter(1, offices.toArray(String[]::new))
                .setParameter(2, today).setParameter(3, today.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter(4, now);
        for (int i = 0; i < after.length; i++) {
            LocalDate day = LocalDate.ofInstant(after[i], ZoneOffset.UTC);
            query.setParameter(5 + 3 * i, day).setParameter(6 + 3 * i, after[i])
                    .setParameter(7 + 3 * i, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Queue> queues = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long open = number(r[2]);
            long day1 = number(r[5]);
            long day3 = number(r[6]);
            long day7 = number(r[7]);
            Map<String, Long> buckets = new LinkedHashMap<>();
            buckets.put("<1d", day1);
            buckets.put("1-3d", day3 - day1);
            buckets.put("3-7d", day7 - day3);
            buckets.put(">7d", open - day7);
            Instant oldest = Timestamps.instant(r[8]);
            queues.add(new Queue((String) r[0], (String) r[1], open, number(r[3]), number(r[4]), buckets, oldest,
                    Duration.between(oldest, now).toSeconds()));
        }
        return queues;
    }

    /** One activity's open tasks in the supervisor's offices, oldest first, with case numbers and assignees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueTaskPage tasks(String activity, String office, Boolean unassigned, Boolean overdue, int page, int size) {
        Set<String> offices = scope.officesToRead(office, "office");
        Instant now = clock.instant();
        StringBuilder filters = new StringBuilder();
        if (unassigned != null) {
            filters.append(unassigned ? " and t.assignee is null" : " and t.assignee is not null");
        }
        if (overdue != null) {
            filters.append(overdue ? " and t.due_at < :now" : " and (t.due_at is null or t.due_at >= :now)");
        }
        // each office's oldest tasks of the activity from its own index (open_task_list), as deep as the page, merged:
        // an "office in (...) order by" sorted every task of the activity in the supervisor's offices for each page
        var query = em.createNativeQuery(PAGE.formatted(filters), OpenTask.class)
                .setParameter("offices", "{" + String.join(",", offices) + "}").setParameter("activity", activity)
                .setParameter("upTo", (page + 1) * size).setParameter("skip", page * size).setParameter("size", size);
        if (overdue != null) {
            query.setParameter("now", now);
        }
        @SuppressWarnings("unchecked")
        List<OpenTask> found = query.getResultList();
        Map<UUID, CaseReference> references = cases.references(found.stream().map(t -> t.caseId)
                .collect(Collectors.toSet()));
        List<QueueTask> items = found.stream().map(t -> new QueueTask(t.taskId, t.activity, t.caseId,
                references.containsKey(t.caseId) ? references.get(t.caseId).caseNumber() : null, t.office, t.assignee,
                t.priority, t.createdAt, t.dueAt, t.dueAt != null && t.dueAt.isBefore(now))).toList();
        return new QueueTaskPage(items, total(offices, activity, unassigned, overdue, now), page, size);
    }

    /**
     * How many tasks a queue page's filters match, from the tallies and today's tasks due before now (as the figures
     * are counted), not by counting them: the tallies hold every task and the unassigned ones per due day, and the
     * other combinations are differences of those four sums.
     */
    private long total(Set<String> offices, String activity, Boolean unassigned, Boolean overdue, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Object[] r = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(tasks), 0), coalesce(sum(unassigned), 0),
                               coalesce(sum(tasks) filter (where due_on < ?3), 0)
                                   + (select count(*) from smo.open_task o where o.office = any(?1) and o.activity = ?2
                                        and o.due_at >= ?4 and o.due_at < ?5),
                               coalesce(sum(unassigned) filter (where due_on < ?3), 0)
                                   + (select count(*) from smo.open_task o where o.office = any(?1) and o.activity = ?2
                                        and o.due_at >= ?4 and o.due_at < ?5 and o.assignee is null)
                          from smo.queue_tally where office = any(?1) and activity = ?2""")
                .setParameter(1, offices.toArray(String[]::new)).setParameter(2, activity).setParameter(3, today)
                .setParameter(4, today.atStartOfDay(ZoneOffset.UTC).toInstant()).setParameter(5, now)
                .getSingleResult();
        long all = number(r[0]);
        long free = number(r[1]);
        long late = number(r[2]);
        long lateAndFree = number(r[3]);
        if (unassigned == null) {
            return overdue == null ? all : overdue ? late : all - late;
        }
        if (overdue == null) {
            return unassigned ? free : all - free;
        }
        if (unassigned) {
            return overdue ? lateAndFree : free - lateAndFree;
        }
        return overdue ? late - lateAndFree : all - free - late + lateAndFree;
    }

    /** Every office's queues, for the metrics gauges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Queue> allForMetrics(Set<String> offices) {
        return figures(offices, clock.instant());
    }

    /**
     * Sums the tallies' delta rows into one row per key (V27's fold_queue_tally), so that a queue's figures read a
     * row per day, not one per change since the last fold. One replica folds at a time; the others skip.
     */
    @Scheduled(every = "${smo.queues.fold-every}", delayed = "${smo.queues.fold-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldTallies() {
        try {
            fold();
        } catch (RuntimeException e) {
            LOG.warn("queue tallies: fold failed; the next one retries (figures stay exact meanwhile)", e);
        }
    }

    /** Folds now; returns how many delta rows it folded (0 when another replica is folding). */
    public int fold() {
        return QuarkusTransaction.requiringNew().call(() -> (int) number(
                em.createNativeQuery("select smo.fold_queue_tally()").getSingleResult()));
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

}
