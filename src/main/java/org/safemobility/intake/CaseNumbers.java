package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Allocates case numbers {@code <office>-<year>-<6 digits>} from one counter row per office and year. Each
 * allocation is its own tiny transaction, so a counter row is locked for a moment, not for a whole registration,
 * and offices never wait for each other. A registration that rolls back leaves a gap in the numbers; numbers are
 * references, not a count of cases.
 */
@ApplicationScoped
public class CaseNumbers {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String allocate(String office, int year) {
        long next = ((Number) em.createNativeQuery("""
                        insert into smo.case_number_counter as c (office, year, last_value) values (?1, ?2, 1)
                        on conflict (office, year) do update set last_value = c.last_value + 1
                        returning c.last_value""")
                .setParameter(1, office).setParameter(2, year)
                .getSingleResult()).longValue();
        return format(office, year, next);
    }

    static String format(String office, int year, long sequence) {
        return "%s-%d-%06d".formatted(office, year, sequence);
    }
}
