package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safemobility.http.CountedTotal;
import org.safemobility.time.Timestamps;
import org.safemobility.workflow.CaseTasks;
import org.safemobility.workflow.OpenTaskIndex;

/**
 * Inboxes from the open-task table: for each of the caller's groups, the first tasks of the page's reach from the
 * group's index range (open_task_inbox, or open_task_inbox_activity / _assignee when narrowed that way), merged and
 * paged. The cost is the page's depth times the caller's groups, not the number of open tasks; the total counts them
 * from an index, up to {@link CountedTotal#COUNTED}.
 */
@ApplicationScoped
public class OpenTaskInbox implements OpenTaskIndex {

    /** The inbox order, a column list both the per-group ranges and the merge sort by. */
    private static final String ORDER = "priority desc, due_at, created_at, task_id";

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseTasks.Page list(Set<String> groups, CaseTasks.Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        params.add(groups.toArray(String[]::new));
        String narrowing = narrowing(filter, params);
        // counted up to a bound: an exact count reads every index entry of the groups (100,000 at a supervisor of two
        // offices in the benchmark: 15 ms), a page only its own
        params.add(CountedTotal.LIMIT);
        long counted = ((Number) bind(em.createNativeQuery(
                "select count(*) from (select 1 from smo.open_task t where t.candidate_group = any(?1)" + narrowing
                        + " limit ?" + params.size() + ") counted"), params).getSingleResult()).longValue();
        params.remove(params.size() - 1);
        CountedTotal total = CountedTotal.of(counted);
        if (!total.capped() && total.total() <= (long) page * size) {
            return new CaseTasks.Page(List.of(), total.total(), false);
        }
        int reach = Math.addExact(Math.multiplyExact(page, size), size);
        params.add(reach);
        params.add(page * size);
        params.add(size);
        int n = params.size();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                select t.task_id, t.activity, t.name, cast(t.case_id as text), t.assignee, t.created_at, t.due_at, t.priority
                  from unnest(cast(?1 as text[])) g(candidate_group)
                 cross join lateral (select * from smo.open_task t
                                      where t.candidate_group = g.candidate_group%s
                                      order by %s limit ?%d) t
                 order by %s offset ?%d limit ?%d""".formatted(narrowing, ORDER, n - 2, ORDER, n - 1, n)), params)
                .getResultList();
        List<CaseTasks.WorkItem> items = rows.stream().map(r -> new CaseTasks.WorkItem((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], Timestamps.instant(r[5]), Timestamps.instant(r[6]),
                ((Number) r[7]).intValue())).toList();
        return new CaseTasks.Page(items, total.total(), total.capped());
    }

    /**
     * The filter's conditions on {@code t}, with their values appended to {@code params}. One activity is an equality
     * (so that the activity index gives the order); several are an array.
     */
    private static String narrowing(CaseTasks.Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder();
        List<String> activities = filter.activities() == null ? List.of() : filter.activities();
        if (activities.size() == 1) {
            params.add(activities.get(0));
            where.append(" and t.activity = ?").append(params.size());
        } else if (activities.size() > 1) {
            params.add(activities.toArray(String[]::new));
            where.append(" and t.activity = any(?").append(params.size()).append(")");
        }
        if (filter.caseId() != null) {
            params.add(filter.caseId());
            where.append(" and t.case_id = cast(?").append(params.size()).append(" as uuid)");
        }
        if (filter.assignee() != null) {
            params.add(filter.assignee());
            where.append(" and t.assignee = ?").append(params.size());
        } else if (filter.unassigned()) {
            where.append(" and t.assignee is null");
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            params.add(filter.now());
            where.append(" and t.due_at < ?").append(params.size());
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            params.add(filter.now());
            where.append(" and (t.due_at is null or t.due_at >= ?").append(params.size()).append(")");
        }
        return where.toString();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
