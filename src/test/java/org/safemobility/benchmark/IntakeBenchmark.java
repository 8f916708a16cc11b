package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.token;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake beside its baselines, measured in one run on one PostgreSQL (issue 16): registrations through the packaged
 * service (8 connections, a household member, an Idempotency-Key, real tokens), the bare engine doing one insert and a
 * one-task process start per transaction ({@link BareEngine}, 8 threads), and pgbench TPC-B (8 clients). Rounds
 * alternate. For the service, per registration: database transactions, rows inserted and rows fetched (deltas of
 * pg_stat_database over the round) and, where pg_stat_statements is loaded, the database time and its costliest
 * statements. Then, with {@code intake.seed-cases} cases added in SQL, the same rounds again, compared with the empty
 * database's both as they are and as shares of the bare engine measured beside them (the machine's speed moves between
 * rounds; the bare engine's tables do not grow).
 *
 * <p>Each round also prints the CPU a registration cost the service and PostgreSQL, and a bare transaction the engine and
 * PostgreSQL ({@link CpuMeter}): steadier than the rates on a machine whose speed moves.
 *
 * <p>Arguments: the service URL, the Keycloak realm URL, the service's JDBC URL, the bare engine's JDBC URL, the
 * pgbench database's name, the service's management URL.
 */
public final class IntakeBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("intake.round-seconds", 30));
    private static final int ROUNDS = Integer.getInteger("intake.rounds", 2);
    /** Before the first round: the JIT compiles registration's code for a minute or so after a start. */
    private static final Duration WARM = Duration.ofSeconds(Integer.getInteger("intake.warm-seconds", 30));
    private static final int SEED = Integer.getInteger("intake.seed-cases", 1_000_000);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int STATEMENTS_SHOWN = 10;

    private IntakeBenchmark() {
    }

    private record Round(double perSecond, double p50, double p99, double transactions, double inserted, double fetched,
                         List<Counted> statements, CpuMeter.Reading cpu) {
        /** Statement time per registration (pg_stat_statements), NaN where the extension is not loaded. */
        double databaseMs() {
            return statements.isEmpty() ? Double.NaN : statements.stream().mapToDouble(Counted::ms).sum();
        }

        /** What a registration costs the service and PostgreSQL together (the load generator left out). */
        double cpuMs() {
            return cpu.serviceMs() + cpu.postgresMs();
        }

        String line(String what) {
            return String.format("  %-34s %7.1f/s  p50 %6.1f ms  p99 %6.1f ms%s", what, perSecond, p50, p99,
                    Double.isNaN(transactions) ? "" : String.format("   per registration: %.1f transactions, %.1f rows "
                            + "inserted, %.1f rows fetched", transactions, inserted, fetched));
        }
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        String bareJdbc = args[3];
        String pgbenchDb = args[4];
        CpuMeter cpu = new CpuMeter(args[5]);
        String caseworker = token(realm, "caseworker.gt");
        // people no earlier run on this database registered: a repeated document number would make every registration
        // a likely duplicate (a review opened per case), which is not the intake being measured
        NEXT.set(count(jdbc, "select count(*) from smo.case_file"));
        System.out.printf("Intake benchmark: %d rounds of %d s each, alternating; %d clients%n", ROUNDS, ROUND.toSeconds(), CLIENTS);
        try (BareEngine bare = new BareEngine(bareJdbc, CLIENTS)) {
            service(service, caseworker, jdbc, cpu, WARM);
            bare.run(CLIENTS, WARM);
            analyze(jdbc);
            Rounds empty = rounds(service, caseworker, jdbc, cpu, bare, pgbenchDb);
            System.out.printf("Empty database: intake %.1f/s, bare engine %.1f/s (%.2f ×), pgbench %.0f tps%n",
                    empty.intake(), empty.bare(), empty.intake() / empty.bare(), empty.tps());

            if (SEED > 0) {
                seed(jdbc);
                analyze(jdbc);
                System.out.printf("With %,d more cases:%n", SEED);
                // seeding takes ten minutes or more here: the token from the start may have outlived its 15 minutes
                Rounds full = rounds(service, token(realm, "caseworker.gt"), jdbc, cpu, bare, pgbenchDb);
                // the machine's speed moves from round to round with what else its host runs: the share of the bare
                // engine measured beside each round is the comparison that size alone changes
                System.out.printf("  intake with %,d cases / empty: %.2f × (%.1f/s against %.1f/s); as a share of the bare "
                                + "engine in the same rounds %.3f against %.3f (%.2f ×); rows fetched per registration %.1f "
                                + "(empty %.1f), database time %.2f ms (empty %.2f ms), CPU of the service and PostgreSQL %.2f ms "
                                + "(empty %.2f ms)%n",
                        SEED, full.intake() / empty.intake(), full.intake(), empty.intake(), full.share(), empty.share(),
                        full.share() / empty.share(), full.fetched(), empty.fetched(), full.databaseMs(), empty.databaseMs(),
                        full.cpuMs(), empty.cpuMs());
            }
        }
    }

    /** The means of rounds of the service, the bare engine and pgbench taking turns. */
    private record Rounds(double intake, double bare, double share, double tps, double fetched, double databaseMs,
                          double cpuMs) {
    }

    /** {@link #ROUNDS} rounds of the service, the bare engine and pgbench taking turns, each printed. */
    private static Rounds rounds(String service, String token, String jdbc, CpuMeter cpu, BareEngine bare,
                                 String pgbenchDb) throws Exception {
        List<Round> ours = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        List<Double> tps = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Round s = service(service, token, jdbc, cpu, ROUND);
            CpuMeter.Reading before = cpu.read();
            long[] b = bare.run(CLIENTS, ROUND);
            Round e = new Round(b.length / (double) ROUND.toSeconds(), percentile(b, 0.5), percentile(b, 0.99),
                    Double.NaN, Double.NaN, Double.NaN, List.of(), cpu.read().perUnit(before, b.length));
            double t = pgbench(pgbenchDb);
            System.out.println("round " + round + ":");
            System.out.println(s.line("this service, POST /api/v1/cases"));
            costliest(s).forEach(System.out::println);
            System.out.printf("    CPU per registration: the service %.2f ms, PostgreSQL %.2f ms, the load generator %.2f ms%n",
                    s.cpu().serviceMs(), s.cpu().postgresMs(), s.cpu().benchmarkMs());
            System.out.println(e.line("bare engine (insert + start)"));
            System.out.printf("    CPU per transaction: the engine (this JVM) %.2f ms, PostgreSQL %.2f ms%n",
                    e.cpu().benchmarkMs(), e.cpu().postgresMs());
            System.out.printf("  %-34s %7.0f tps%n", "pgbench TPC-B", t);
            System.out.printf("  intake / bare engine: %.2f × per second; CPU per registration / per bare transaction: %.1f ×%n",
                    s.perSecond() / e.perSecond(), s.cpuMs() / (e.cpu().benchmarkMs() + e.cpu().postgresMs()));
            ours.add(s);
            engine.add(e.perSecond());
            tps.add(t);
        }
        double share = 0;
        for (int i = 0; i < ours.size(); i++) {
            share += ours.get(i).perSecond() / engine.get(i) / ours.size();
        }
        return new Rounds(ours.stream().mapToDouble(Round::perSecond).average().orElse(0),
                engine.stream().mapToDouble(Double::doubleValue).average().orElse(0), share,
                tps.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                ours.stream().mapToDouble(Round::fetched).average().orElse(0),
                ours.stream().mapToDouble(Round::databaseMs).average().orElse(Double.NaN),
                ours.stream().mapToDouble(Round::cpuMs).average().orElse(Double.NaN));
    }

    private static double[] stats(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select xact_commit + xact_rollback, tup_inserted, tup_fetched "
                     + "from pg_stat_database where datname = current_database()")) {
            rs.next();
            return new double[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static void analyze(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement()) {
            st.execute("analyze");
        }
    }

    private static Round service(String service, String token, String jdbc, CpuMeter cpu, Duration duration)
            throws Exception {
        Thread.sleep(600); // pg_stat_database is updated by backends about every 500 ms
        double[] before = stats(jdbc);
        Map<Long, Counted> statementsBefore = statements(jdbc);
        CpuMeter.Reading cpuBefore = cpu.read();
        long[] latencies = registrations(service, token, duration);
        CpuMeter.Reading cpuAfter = cpu.read();
        Thread.sleep(1200);
        double[] after = stats(jdbc);
        double n = latencies.length;
        return new Round(n / duration.toSeconds(), percentile(latencies, 0.5), percentile(latencies, 0.99),
                (after[0] - before[0]) / n, (after[1] - before[1]) / n, (after[2] - before[2]) / n,
                perRegistration(statementsBefore, statements(jdbc), n), cpuAfter.perUnit(cpuBefore, n));
    }

    private static int count(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A statement's counters in pg_stat_statements at one moment. */
    private record Counted(double calls, double ms, double rows, String query) {
    }

    /**
     * Calls, execution time and rows of every statement so far, by query id, from pg_stat_statements; empty when the
     * extension is not loaded (it needs shared_preload_libraries: docs/testing.md).
     */
    private static Map<Long, Counted> statements(String jdbc) throws Exception {
        Map<Long, Counted> seen = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select queryid, calls, total_exec_time, rows, query from pg_stat_statements "
                     + "where dbid = (select oid from pg_database where datname = current_database())")) {
            while (rs.next()) {
                seen.put(rs.getLong(1), new Counted(rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)));
            }
        } catch (SQLException absent) {
            // no pg_stat_statements here: the breakdown is left out
        }
        return seen;
    }

    /** Each statement's calls, time and rows per registration over a round, costliest first; empty without the extension. */
    private static List<Counted> perRegistration(Map<Long, Counted> before, Map<Long, Counted> after, double n) {
        if (after.isEmpty() || n == 0) {
            return List.of();
        }
        Counted none = new Counted(0, 0, 0, "");
        List<Counted> perRegistration = new ArrayList<>();
        after.forEach((id, a) -> {
            Counted b = before.getOrDefault(id, none);
            if (a.calls() > b.calls()) {
                perRegistration.add(new Counted((a.calls() - b.calls()) / n, (a.ms() - b.ms()) / n,
                        (a.rows() - b.rows()) / n, a.query().replaceAll("\\s+", " ").strip()));
            }
        });
        perRegistration.sort(Comparator.comparingDouble(Counted::ms).reversed());
        return perRegistration;
    }

    /** The database time per registration and the statements that took most of it, as printed under a round. */
    private static List<String> costliest(Round round) {
        List<Counted> statements = round.statements();
        if (statements.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("    database time per registration %.2f ms (pg_stat_statements); the costliest:",
                round.databaseMs()));
        for (Counted d : statements.subList(0, Math.min(STATEMENTS_SHOWN, statements.size()))) {
            lines.add(String.format("    %6.2f ms  %4.1f calls  %5.1f rows  %s", d.ms(), d.calls(), d.rows(),
                    d.query().substring(0, Math.min(110, d.query().length()))));
        }
        return lines;
    }

    private static long[] registrations(String service, String token, Duration duration) throws Exception {
        return Loopback.registrations(service, token, CLIENTS, duration,
                () -> PrivacyBenchmark.body(3_000_000 + NEXT.getAndIncrement()), true);
    }

    /** TPC-B on its own database, 8 clients, one round: transactions per second. */
    private static double pgbench(String db) throws Exception {
        Process p = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "smo", "-n", "-c", String.valueOf(CLIENTS),
                "-j", "2", "-T", String.valueOf(ROUND.toSeconds()), db).redirectErrorStream(true).start();
        String output;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            output = String.join("\n", r.lines().toList());
        }
        p.waitFor();
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Closed cases seeded in SQL at the four offices (their search rows by trigger), as the queue benchmark does. */
    private static void seed(String jdbc) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement()) {
            st.execute("""
                    insert into smo.case_file (id, case_number, office, status, applicant_given_name, applicant_family_name,
                           applicant_date_of_birth, applicant_nationality, applicant_arrival_date, consent_processing,
                           consent_partner_sharing, consent_recorded_at, registered_by, created_at, updated_at, closed_at)
                    select gen_random_uuid(), o || '-2025-I' || lpad(n::text, 7, '0'), o, 'CLOSED_INELIGIBLE',
                           'Seeded' || (n %% 997), 'Applicant' || (n %% 991), date '1960-01-01' + (n %% 15000), 'VEN',
                           date '2023-01-01', true, true, now(), 'benchmark', now() - (n %% 720) * interval '1 hour', now(), now()
                      from generate_series(1, %d) n,
                           lateral (select (array['GT','CR','CO','EC'])[1 + n %% 4] as o) office""".formatted(SEED));
        }
        System.out.printf("seeded %,d cases in SQL in %.0f s%n", SEED, (System.nanoTime() - start) / 1e9);
    }
}
