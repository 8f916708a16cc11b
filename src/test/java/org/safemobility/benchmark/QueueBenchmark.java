package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.latencies;
import static org.safemobility.benchmark.Loopback.print;
import static org.safemobility.benchmark.Loopback.token;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.safemobility.supervision.TaskQueues;

/**
 * Supervisors' queues at scale: 1,000,000 cases and 200,000 open tasks (seeded in SQL straight into the case and
 * queue tables, spread over the four offices and eight activities, aged up to 30 days), then the queue endpoints
 * against the packaged service with a real supervisor token, beside an authenticated call that finds nothing; and
 * the plans PostgreSQL uses for them (the queue figures from the day tallies, V27, folded after the bulk load); then the inboxes of a caseworker and a supervisor over the same tasks. Run by {@code scripts/benchmark.sh queues}.
 *
 * <pre>args: serviceUrl keycloakRealmUrl jdbcUrl [--no-seed]</pre> (--no-seed: the database holds them already)
 */
public final class QueueBenchmark {

    private static final int CASES = 1_000_000;
    private static final int OPEN_TASKS = 200_000;

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        try (Connection c = DriverManager.getConnection(jdbc, "smo", "smo"); Statement st = c.createStatement()) {
            long start = System.nanoTime();
            if (args.length > 3 && "--no-seed".equals(args[3])) {
                System.out.println("not seeding: " + args[3]);
            } else {
                seed(st);
            }
            System.out.printf("seeded %,d cases and %,d open tasks in SQL: %.1f s%n", CASES, OPEN_TASKS,
                    (System.nanoTime() - start) / 1e9);
            // what autovacuum does after a bulk load (it is off on the development machines): statistics, and the
            // visibility map that lets the queue query read the covering index alone
            st.execute("vacuum analyze smo.case_file");
            st.execute("vacuum analyze smo.open_task");
            // the tallies as the service's trigger wrote them for the bulk insert, folded as its job does
            try (ResultSet rs = st.executeQuery("select smo.fold_queue_tally()")) {
                rs.next();
                System.out.printf("folded %,d tally delta rows%n", rs.getLong(1));
            }
            st.execute("vacuum analyze smo.queue_tally");
            try (ResultSet rs = st.executeQuery("select count(*) from smo.queue_tally where office in ('GT', 'CR')")) {
                rs.next();
                System.out.printf("queue tally rows of GT and CR: %,d%n", rs.getLong(1));
            }
            // the statement as the service sends it (TaskQueues.FIGURES), its parameters computed as the service does
            st.execute("prepare queues as " + TaskQueues.FIGURES.replaceAll("\\?(\\d+)", "\\$$1"));
            explain(st, "queues of GT and CR (GET /api/v1/queues)", "execute queues(" + figuresParameters("{GT,CR}") + ")");
            // the baseline in the same run: the same figures counted task by task, as the service did before V27,
            // with the covering index it read then (V9's open_task_queue, which V27 replaced)
            st.execute("create index open_task_queue_baseline on smo.open_task (office, activity) "
                    + "include (created_at, due_at, assignee)");
            explain(st, "baseline: the same figures counted over every open task of GT and CR (before V27)", """
                    select office, activity, count(*), count(*) filter (where assignee is null),
                           count(*) filter (where due_at < now()), count(*) filter (where created_at > now() - interval '1 day'),
                           count(*) filter (where created_at <= now() - interval '1 day' and created_at > now() - interval '3 days'),
                           count(*) filter (where created_at <= now() - interval '3 days' and created_at > now() - interval '7 days'),
                           count(*) filter (where created_at <= now() - interval '7 days'), min(created_at)
                      from smo.open_task where office = any('{GT,CR}') group by office, activity order by office, activity""");
            st.execute("drop index smo.open_task_queue_baseline");
            explain(st, "a page of one queue's tasks, oldest first (GET /api/v1/queues/{activity}/tasks), page 10",
                    TaskQueues.PAGE.formatted("").replace(":offices", "'{GT,CR}'")
                            .replace(":activity", "'schedule-interview'").replace(":upTo", "220")
                            .replace(":skip", "200").replace(":size", "20"));
            // the inbox's statements as OpenTaskInbox sends them
            st.execute("prepare inbox_total(text[]) as select count(*) from (select 1 from smo.open_task t "
                    + "where t.candidate_group = any($1) limit 10001) counted");
            st.execute("""
                    prepare inbox_page(text[], int, int, int) as
                    select t.task_id, t.activity, t.name, cast(t.case_id as text), t.assignee, t.created_at, t.due_at, t.priority
                      from unnest(cast($1 as text[])) g(candidate_group)
                     cross join lateral (select * from smo.open_task t where t.candidate_group = g.candidate_group
                                          order by priority desc, due_at, created_at, task_id limit $2) t
                     order by priority desc, due_at, created_at, task_id offset $3 limit $4""");
            st.execute("""
                    prepare inbox_mine(text[], text, int, int, int) as
                    select t.task_id from unnest(cast($1 as text[])) g(candidate_group)
                     cross join lateral (select * from smo.open_task t where t.candidate_group = g.candidate_group
                                            and t.assignee = $2
                                          order by priority desc, due_at, created_at, task_id limit $3) t
                     order by priority desc, due_at, created_at, task_id offset $4 limit $5""");
            explain(st, "inbox total, supervisor of GT and CR (GET /api/v1/tasks)",
                    "execute inbox_total('{GT,GT-supervisors,CR,CR-supervisors}')");
            explain(st, "inbox page 0, supervisor of GT and CR",
                    "execute inbox_page('{GT,GT-supervisors,CR,CR-supervisors}', 20, 0, 20)");
            explain(st, "inbox page 10, caseworker of GT", "execute inbox_page('{GT}', 220, 200, 20)");
            explain(st, "a caseworker's own tasks (GET /api/v1/tasks?assignee=me)",
                    "execute inbox_mine('{GT}', 'caseworker-7', 20, 0, 20)");
        }
        String supervisor = token(realm, "supervisor.gt");
        long[] base = latencies(service + "/api/v1/queues/no-such-activity/tasks?size=1", supervisor, 200, 1000);
        System.out.println("queues with 200,000 open tasks, sequential on loopback (1000 calls after 200 warm-up):");
        print("baseline: GET /api/v1/queues/no-such-activity/tasks", base, base);
        print("GET /api/v1/queues (GT and CR, ~100,000 tasks)", latencies(service + "/api/v1/queues", supervisor, 200, 1000), base);
        print("GET /api/v1/queues?office=GT (~50,000 tasks)",
                latencies(service + "/api/v1/queues?office=GT", supervisor, 200, 1000), base);
        print("GET /api/v1/queues/schedule-interview/tasks (page 0)",
                latencies(service + "/api/v1/queues/schedule-interview/tasks", supervisor, 200, 1000), base);
        print("GET …/schedule-interview/tasks?overdue=true&unassigned=true",
                latencies(service + "/api/v1/queues/schedule-interview/tasks?overdue=true&unassigned=true", supervisor, 200, 1000), base);
        String caseworker = token(realm, "caseworker.gt");
        System.out.println("inboxes with 200,000 open tasks (issue 16: p99 at most 25 ms), same calls and baseline:");
        print("caseworker GT: GET /api/v1/tasks (page 0 of ~37,500)", latencies(service + "/api/v1/tasks", caseworker, 200, 1000), base);
        print("caseworker GT: GET /api/v1/tasks?page=10", latencies(service + "/api/v1/tasks?page=10", caseworker, 200, 1000), base);
        print("caseworker GT: ?activity=schedule-interview&assignee=unassigned",
                latencies(service + "/api/v1/tasks?activity=schedule-interview&assignee=unassigned", caseworker, 200, 1000), base);
        print("caseworker GT: ?assignee=me", latencies(service + "/api/v1/tasks?assignee=me", caseworker, 200, 1000), base);
        print("supervisor GT+CR: GET /api/v1/tasks (page 0 of ~100,000)",
                latencies(service + "/api/v1/tasks", supervisor, 200, 1000), base);
        print("supervisor GT+CR: ?overdue=true", latencies(service + "/api/v1/tasks?overdue=true", supervisor, 200, 1000), base);
        print("supervisor GT+CR: GET /api/v1/approvals", latencies(service + "/api/v1/approvals", supervisor, 200, 1000), base);
    }

    private static void seed(Statement st) throws Exception {
        st.execute("""
                insert into smo.case_file (id, case_number, office, status, applicant_given_name, applicant_family_name,
                       applicant_date_of_birth, applicant_nationality, applicant_arrival_date, consent_processing, consent_partner_sharing,
                       consent_recorded_at, registered_by, created_at, updated_at)
                select gen_random_uuid(), o || '-2025-Q' || lpad(n::text, 7, '0'), o, 'INTERVIEW_SCHEDULED', 'Seeded',
                       'Applicant ' || n, date '1990-01-01', 'VEN', date '2023-01-01', true, true, now(), 'benchmark',
                       now() - (n %% 720) * interval '1 hour', now()
                  from generate_series(1, %d) n,
                       lateral (select (array['GT','CR','CO','EC'])[1 + n %% 4] as o) office""".formatted(CASES));
        st.execute("""
                insert into smo.open_task (task_id, office, activity, name, candidate_group, case_id, assignee, priority,
                                           created_at, due_at)
                select 'bench-' || row_number() over (), c.office, a.activity, a.activity,
                       c.office || case when a.activity in ('supervisor-review', 'approve-override') then '-supervisors' else '' end,
                       c.id, case when random() < 0.4 then 'caseworker-' || (random() * 50)::int end,
                       case when random() < 0.1 then 80 else 50 end, c.created_at,
                       c.created_at + ((1 + (random() * 10)::int) * interval '1 day')
                  from (select id, office, created_at from smo.case_file order by id limit %d) c,
                       lateral (select (array['schedule-interview','conduct-interview','supervisor-review','review-ineligible',
                              'approve-override','review-rescreen','choose-next-pathway','answer-partner-query'])
                              [1 + (random() * 7 + length(c.office) * 0)::int] as activity) a""".formatted(OPEN_TASKS));
    }

    /** The parameters of {@link TaskQueues#FIGURES} as SQL literals, for the offices given and this moment. */
    private static String figuresParameters(String offices) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> parameters = new ArrayList<>(List.of("'" + offices + "'", date(today),
                moment(today.atStartOfDay(ZoneOffset.UTC).toInstant()), moment(now)));
        for (int days : new int[] {1, 3, 7}) {
            Instant boundary = now.minus(Duration.ofDays(days));
            LocalDate day = LocalDate.ofInstant(boundary, ZoneOffset.UTC);
            parameters.addAll(List.of(date(day), moment(boundary),
                    moment(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        return String.join(", ", parameters);
    }

    private static String date(LocalDate day) {
        return "date '" + day + "'";
    }

    private static String moment(Instant at) {
        return "timestamptz '" + at + "'";
    }

    private static void explain(Statement st, String what, String sql) throws Exception {
        System.out.println("plan: " + what);
        try (ResultSet rs = st.executeQuery("explain (analyze, buffers, costs off) " + sql)) {
            while (rs.next()) {
                System.out.println("    " + rs.getString(1));
            }
        }
    }
}
