package org.safemobility.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.TokenFixture;

/**
 * Queue figures come from day tallies plus the partial day at each boundary (V27): they must equal an exact count of
 * the open tasks, whatever side of a boundary or of a UTC midnight a task lies on, through assignments, new due
 * dates, transfers, closings, and before and after the deltas are folded.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueueTalliesIT {

    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-tally-co-ec", "CO", "EC");
    private static final List<Duration> BOUNDARIES = List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(7));

    @Inject
    EntityManager em;

    @Inject
    TaskQueues queues;

    @Test
    void queue_figures_equal_an_exact_count_across_boundaries_changes_and_folds() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String activity = "tallied-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(16);
        List<Object[]> seeded = new ArrayList<>(); // id, office, assignee, created, due
        // five minutes and two hours either side of each boundary the figures ask about, with and without a due date
        for (Duration boundary : BOUNDARIES) {
            for (Duration offset : List.of(Duration.ofMinutes(-120), Duration.ofMinutes(-5), Duration.ofMinutes(5),
                    Duration.ofMinutes(120))) {
                Instant at = now.minus(boundary).plus(offset);
                seeded.add(new Object[] {null, "CO", null, at.isAfter(now) ? now.minusSeconds(30) : at, null});
                seeded.add(new Object[] {null, "CO", "cw-tally", now.minus(Duration.ofDays(2)), at});
            }
        }
        // and tasks anywhere in the last twelve days, due anywhere from four days ago to four days ahead or never,
        // none within ten minutes of a boundary (the test's now and the service's are seconds apart)
        while (seeded.size() < 400) {
            Instant created = now.minusSeconds(random.nextLong(Duration.ofDays(12).toSeconds()));
            Instant due = random.nextInt(5) == 0 ? null
                    : now.plusSeconds(random.nextLong(-Duration.ofDays(4).toSeconds(), Duration.ofDays(4).toSeconds()));
            if (nearBoundary(now, created, due)) {
                continue;
            }
            seeded.add(new Object[] {null, random.nextBoolean() ? "CO" : "EC", random.nextInt(3) == 0 ? "cw-tally" : null,
                    created, due});
        }
        for (int i = 0; i < seeded.size(); i++) {
            seeded.get(i)[0] = activity + "-" + i;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] s : seeded) {
                em.createNativeQuery("""
                                insert into smo.open_task (task_id, office, activity, name, candidate_group, case_id,
                                                           assignee, priority, created_at, due_at)
                                values (?1, ?2, ?3, 'Seeded', ?2, ?4, ?5, 50, ?6, ?7)""")
                        .setParameter(1, s[0]).setParameter(2, s[1]).setParameter(3, activity)
                        .setParameter(4, UUID.randomUUID()).setParameter(5, s[2]).setParameter(6, s[3])
                        .setParameter(7, s[4]).executeUpdate();
            }
        });
        try {
            assertThat(figures(activity)).as("as seeded").isEqualTo(exact(activity)).hasSize(2);
            assertThat(figures(activity).get("CO").get("open")).isEqualTo(
                    (int) seeded.stream().filter(s -> s[1].equals("CO")).count());

            // the changes a task goes through, as set-based statements (the tallies are kept per statement)
            QuarkusTransaction.requiringNew().run(() -> {
                sql("update smo.open_task set assignee = 'cw-tally-2' where activity = ?1 and assignee is null "
                        + "and right(task_id, 1) in ('1', '2')", activity);
                sql("update smo.open_task set assignee = null where activity = ?1 and right(task_id, 1) = '3'", activity);
                sql("update smo.open_task set due_at = due_at + interval '1 day 3 hours' "
                        + "where activity = ?1 and right(task_id, 1) = '4'", activity);
                sql("update smo.open_task set due_at = null where activity = ?1 and right(task_id, 1) = '5'", activity);
                sql("update smo.open_task set office = 'EC', candidate_group = 'EC' "
                        + "where activity = ?1 and office = 'CO' and right(task_id, 1) = '6'", activity);
                sql("update smo.open_task set priority = 90 where activity = ?1 and right(task_id, 1) = '7'", activity);
                sql("delete from smo.open_task where activity = ?1 and right(task_id, 1) = '8'", activity);
            });
            assertThat(figures(activity)).as("after changes, before a fold").isEqualTo(exact(activity));
            assertPageTotals(activity);

            foldAll(activity);
            assertThat(figures(activity)).as("folded").isEqualTo(exact(activity));
            assertPageTotals(activity);
            assertThat(number("""
                    select count(*) from smo.queue_tally where activity = ?1
                     group by office, created_on, due_on having count(*) > 1 limit 1""", activity))
                    .as("one row per office, day and due day once folded").isNull();

            // a task changed back and forth in one statement nets to nothing, and a priority change writes no delta
            long before = number("select count(*) from smo.queue_tally where activity = ?1", activity);
            QuarkusTransaction.requiringNew().run(() -> sql(
                    "update smo.open_task set priority = priority + 1 where activity = ?1", activity));
            assertThat(number("select count(*) from smo.queue_tally where activity = ?1", activity)).isEqualTo(before);

            QuarkusTransaction.requiringNew().run(() -> sql("delete from smo.open_task where activity = ?1 and office = 'EC'",
                    activity));
            assertThat(figures(activity)).as("a queue with no open task is not listed").isEqualTo(exact(activity))
                    .containsOnlyKeys("CO");
            foldAll(activity);
            assertThat(number("select count(*) from smo.queue_tally where activity = ?1 and office = 'EC'", activity))
                    .as("keys that net to zero leave no row").isEqualTo(0L);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> sql("delete from smo.open_task where activity = ?1", activity));
        }
        assertThat(figures(activity)).isEmpty();
    }

    /** A queue page's total, for every combination of its filters, equals the tasks it would page through. */
    private void assertPageTotals(String activity) {
        for (Boolean unassigned : new Boolean[] {null, true, false}) {
            for (Boolean overdue : new Boolean[] {null, true, false}) {
                var request = given().auth().oauth2(SUPERVISOR).queryParam("size", 1);
                String where = "activity = ?1";
                if (unassigned != null) {
                    request.queryParam("unassigned", unassigned);
                    where += unassigned ? " and assignee is null" : " and assignee is not null";
                }
                if (overdue != null) {
                    request.queryParam("overdue", overdue);
                    where += overdue ? " and due_at < now()" : " and (due_at is null or due_at >= now())";
                }
                int total = request.get("/api/v1/queues/" + activity + "/tasks").then().statusCode(200)
                        .extract().path("total");
                assertThat((long) total).as("total with unassigned=%s overdue=%s", unassigned, overdue)
                        .isEqualTo(number("select count(*) from smo.open_task where " + where, activity));
                // and a page deep in it holds the tasks of both offices, merged oldest first
                var paged = given().auth().oauth2(SUPERVISOR).queryParam("size", 25).queryParam("page", 2);
                if (unassigned != null) {
                    paged.queryParam("unassigned", unassigned);
                }
                if (overdue != null) {
                    paged.queryParam("overdue", overdue);
                }
                List<String> ids = paged.get("/api/v1/queues/" + activity + "/tasks").then().statusCode(200)
                        .extract().jsonPath().getList("items.taskId", String.class);
                String condition = where;
                @SuppressWarnings("unchecked")
                List<String> expected = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select task_id from smo.open_task where " + condition
                                + " order by created_at, task_id offset 50 limit 25")
                        .setParameter(1, activity).getResultList());
                assertThat(ids).as("page 2 with unassigned=%s overdue=%s", unassigned, overdue).isEqualTo(expected);
            }
        }
    }

    private static boolean nearBoundary(Instant now, Instant created, Instant due) {
        Duration margin = Duration.ofMinutes(10);
        for (Duration boundary : BOUNDARIES) {
            if (Duration.between(created, now.minus(boundary)).abs().compareTo(margin) < 0) {
                return true;
            }
        }
        return due != null && Duration.between(due, now).abs().compareTo(margin) < 0;
    }

    /** The service's figures for the activity, per office, without the instant-dependent age of the oldest task. */
    private static Map<String, Map<String, Object>> figures(String activity) {
        List<Map<String, Object>> items = given().auth().oauth2(SUPERVISOR).get("/api/v1/queues").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.activity == '" + activity + "' }");
        Map<String, Map<String, Object>> byOffice = new TreeMap<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> figures = new LinkedHashMap<>(item);
            figures.remove("oldestAgeSeconds");
            figures.put("oldestCreated", Instant.parse((String) item.get("oldestCreated")));
            byOffice.put((String) item.get("office"), figures);
        }
        return byOffice;
    }

    /** The same figures counted task by task, as the service did before the tallies. */
    private Map<String, Map<String, Object>> exact(String activity) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select office, count(*), count(*) filter (where assignee is null), count(*) filter (where due_at < ?2),
                               count(*) filter (where created_at > ?3),
                               count(*) filter (where created_at <= ?3 and created_at > ?4),
                               count(*) filter (where created_at <= ?4 and created_at > ?5),
                               count(*) filter (where created_at <= ?5), min(created_at)
                          from smo.open_task where activity = ?1 group by office""")
                .setParameter(1, activity).setParameter(2, now).setParameter(3, now.minus(Duration.ofDays(1)))
                .setParameter(4, now.minus(Duration.ofDays(3))).setParameter(5, now.minus(Duration.ofDays(7)))
                .getResultList();
        Map<String, Map<String, Object>> byOffice = new TreeMap<>();
        for (Object[] r : rows) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("office", r[0]);
            figures.put("activity", activity);
            figures.put("open", ((Number) r[1]).intValue());
            figures.put("unassigned", ((Number) r[2]).intValue());
            figures.put("overdue", ((Number) r[3]).intValue());
            figures.put("ageBuckets", Map.of("<1d", ((Number) r[4]).intValue(), "1-3d", ((Number) r[5]).intValue(),
                    "3-7d", ((Number) r[6]).intValue(), ">7d", ((Number) r[7]).intValue()));
            figures.put("oldestCreated", org.safemobility.time.Timestamps.instant(r[8]));
            byOffice.put((String) r[0], figures);
        }
        return byOffice;
    }

    /** Folds until no delta of the activity is left (the scheduled fold may hold the lock for a moment). */
    private void foldAll(String activity) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            queues.fold();
            return number("select count(*) from smo.queue_tally where activity = ?1 and not folded", activity) == 0L;
        });
    }

    private void sql(String statement, String activity) {
        em.createNativeQuery(statement).setParameter(1, activity).executeUpdate();
    }

    private Long number(String query, String activity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> found = em.createNativeQuery(query).setParameter(1, activity).getResultList();
            return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
        });
    }
}
