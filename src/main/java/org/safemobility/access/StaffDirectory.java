package org.safemobility.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff as their tokens present them: the service learns who works for which office from the tokens it validates
 * (the provider stays the source of truth), so that a supervisor can assign work only to a colleague of the task's
 * office. A caller is written when first seen or when their roles or offices change, and at most every few minutes
 * otherwise, so requests do not each write.
 */
@ApplicationScoped
public class StaffDirectory {

    /** A member of staff as last seen. */
    public record Member(String subject, String username, Set<String> roles, Set<String> offices) {
        public boolean worksFor(String office) {
            return offices.contains(office);
        }
    }

    private static final Duration REFRESH = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Cache<String, Member> seen = Caffeine.newBuilder().expireAfterWrite(REFRESH).maximumSize(10_000).build();

    /** Records a caseworker or supervisor who called; partners and admins are not staff of an office. */
    void seen(Caller caller) {
        if (!(caller.hasRole(Roles.CASEWORKER) || caller.hasRole(Roles.SUPERVISOR))) {
            return;
        }
        Set<String> roles = new TreeSet<>(caller.roles());
        roles.retainAll(Set.of(Roles.CASEWORKER, Roles.SUPERVISOR));
        Member member = new Member(caller.subject(), caller.name(), roles, new TreeSet<>(caller.offices()));
        if (member.equals(seen.getIfPresent(caller.subject()))) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into smo.staff (subject, username, roles, offices, first_seen, last_seen)
                        values (?1, ?2, ?3, ?4, ?5, ?5)
                        on conflict (subject) do update set username = excluded.username, roles = excluded.roles,
                               offices = excluded.offices, last_seen = excluded.last_seen""")
                .setParameter(1, member.subject()).setParameter(2, member.username())
                .setParameter(3, member.roles().toArray(String[]::new))
                .setParameter(4, member.offices().toArray(String[]::new)).setParameter(5, clock.instant())
                .executeUpdate());
        seen.put(caller.subject(), member);
    }

    /** A member of staff by subject or, failing that, by username (the most recently seen with it). */
    public Optional<Member> find(String subjectOrUsername) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select subject, username, roles, offices from smo.staff
                         where subject = ?1 or username = ?1
                         order by (subject = ?1) desc, last_seen desc limit 1""")
                .setParameter(1, subjectOrUsername).getResultList();
        return rows.stream().findFirst().map(r -> new Member((String) r[0], (String) r[1], strings(r[2]), strings(r[3])));
    }

    private static Set<String> strings(Object array) {
        try {
            Object[] values = array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
            Set<String> set = new TreeSet<>();
            for (Object v : values) {
                set.add((String) v);
            }
            return set;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
