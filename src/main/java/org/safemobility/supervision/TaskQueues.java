package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;
import org.safemobility.time.Timestamps;
import org.safemobility.workflow.UserTaskEvent;

/**
 * Work queues of the offices: how many tasks are open per office and activity, how many nobody holds, how many are
 * overdue, and how old they are. Counted with one grouped query over {@link OpenTask}, which task listeners keep in
 * step with the engine in the transaction of each change.
 */
@ApplicationScoped
public class TaskQueues {

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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select office, activity, count(*),
                               count(*) filter (where assignee is null),
                               count(*) filter (where due_at < ?2),
                               count(*) filter (where created_at > ?3),
                               count(*) filter (where created_at <= ?3 and created_at > ?4),
                               count(*) filter (where created_at <= ?4 and created_at > ?5),
                               count(*) filter (where created_at <= ?5),
                               min(created_at)
                          from smo.open_task
                         where office = any(?1)
                         group by office, activity
                         order by office, activity""")
                .setParameter(1, offices.toArray(String[]::new)).setParameter(2, now)
                .setParameter(3, now.minus(DAY)).setParameter(4, now.minus(DAY.multipliedBy(3)))
                .setParameter(5, now.minus(DAY.multipliedBy(7)))
                .getResultList();
        List<Queue> queues = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Map<String, Long> buckets = new LinkedHashMap<>();
            buckets.put("<1d", number(r[5]));
            buckets.put("1-3d", number(r[6]));
            buckets.put("3-7d", number(r[7]));
            buckets.put(">7d", number(r[8]));
            Instant oldest = Timestamps.instant(r[9]);
            queues.add(new Queue((String) r[0], (String) r[1], number(r[2]), number(r[3]), number(r[4]), buckets, oldest,
                    Duration.between(oldest, now).toSeconds()));
        }
        return new Queues(now, queues);
    }

    /** One activity's open tasks in the supervisor's offices, oldest first, with case numbers and assignees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueTaskPage tasks(String activity, String office, Boolean unassigned, Boolean overdue, int page, int size) {
        Set<String> offices = scope.officesToRead(office, "office");
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder("office in :offices and activity = :activity");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("offices", offices);
        params.put("activity", activity);
        if (unassigned != null) {
            where.append(unassigned ? " and assignee is null" : " and assignee is not null");
        }
        if (overdue != null) {
            where.append(overdue ? " and dueAt < :now" : " and (dueAt is null or dueAt >= :now)");
            params.put("now", now);
        }
        var query = OpenTask.<OpenTask>find(where + " order by createdAt, taskId", params).page(page, size);
        List<OpenTask> found = query.list();
        Map<UUID, CaseReference> references = cases.references(found.stream().map(t -> t.caseId)
                .collect(Collectors.toSet()));
        List<QueueTask> items = found.stream().map(t -> new QueueTask(t.taskId, t.activity, t.caseId,
                references.containsKey(t.caseId) ? references.get(t.caseId).caseNumber() : null, t.office, t.assignee,
                t.priority, t.createdAt, t.dueAt, t.dueAt != null && t.dueAt.isBefore(now))).toList();
        return new QueueTaskPage(items, query.count(), page, size);
    }

    /** Open and overdue tasks per office and activity, for the metrics gauges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> countsForMetrics() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select office, activity, count(*), count(*) filter (where due_at < ?1)
                          from smo.open_task group by office, activity""")
                .setParameter(1, clock.instant()).getResultList();
        return rows;
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

}
