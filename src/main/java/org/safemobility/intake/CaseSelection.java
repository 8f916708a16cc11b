package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An office's cases chosen by what intake knows of them (status, held or not, last change), optionally among cases
 * another capability named (those on a pathway, say): for a programme decision that applies to many cases at once.
 * Plain SQL over the case table, so that a caseload of a hundred thousand is one statement, not as many entities.
 */
@ApplicationScoped
public class CaseSelection {

    /**
     * Which cases: every criterion given must hold.
     *
     * @param held          true: only held cases; false: only cases not held; null: either
     * @param changedBefore only cases with no change since this instant; null: any
     * @param among         only these cases; null: any
     */
    public record Criteria(String office, Set<CaseStatus> statuses, Boolean held, Instant changedBefore,
                           Collection<UUID> among) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Map<CaseStatus, Long> countByStatus(Criteria criteria) {
        Map<CaseStatus, Long> counts = new LinkedHashMap<>();
        for (Object row : query("select c.status, count(*) from smo.case_file c where ", criteria,
                " group by c.status order by c.status").getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(CaseStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
        }
        return counts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> ids(Criteria criteria) {
        return query("select c.id from smo.case_file c where ", criteria, " order by c.id").getResultList();
    }

    private jakarta.persistence.Query query(String select, Criteria c, String tail) {
        StringBuilder where = new StringBuilder("c.office = ?1 and c.status = any(cast(?2 as text[]))");
        List<Object> parameters = new ArrayList<>();
        parameters.add(c.office());
        parameters.add(array(c.statuses().stream().map(Enum::name).sorted().toList()));
        if (c.held() != null) {
            where.append(c.held() ? " and c.held_since is not null" : " and c.held_since is null");
        }
        if (c.changedBefore() != null) {
            parameters.add(c.changedBefore());
            where.append(" and c.updated_at < ?").append(parameters.size());
        }
        if (c.among() != null) {
            parameters.add(array(c.among().stream().map(UUID::toString).toList()));
            where.append(" and c.id = any(cast(?").append(parameters.size()).append(" as uuid[]))");
        }
        jakarta.persistence.Query query = em.createNativeQuery(select + where + tail);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** A PostgreSQL array literal of plain tokens (enum names, uuids: nothing to quote). */
    private static String array(Collection<String> items) {
        return "{" + String.join(",", items) + "}";
    }
}
