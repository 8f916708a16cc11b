package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the audit trail's hash chain costs (scripts/benchmark.sh audit).
 * <ol>
 *   <li>Registrations per second at 8 clients with the chain, against the same service with the chain's trigger
 *       replaced by one that only numbers entries (a stand-in the benchmark installs on its own database), in
 *       alternating 20-second rounds after a warm-up. Every registration writes its audit entries, so the difference is
 *       the chain's lock and digest.</li>
 *   <li>Verification of 1,000,000 chained entries: the chain is filled in SQL with the trigger's own digest function,
 *       analyzed, and walked through {@code GET /api/v1/admin/audit/verify}.</li>
 * </ol>
 */
public final class AuditBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(20);
    private static final int ROUNDS = 6;
    private static final int ENTRIES = 1_000_000;

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        String caseworker = token(realm, "caseworker.gt");
        String admin = token(realm, "admin.smo");
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement sql = db.createStatement()) {
            sql.execute("""
                    create sequence if not exists smo.audit_bench_seq start 1000000000000;
                    grant usage on sequence smo.audit_bench_seq to smo;
                    create or replace function smo.audit_unchained() returns trigger language plpgsql as $$
                    begin
                        new.seq := nextval('smo.audit_bench_seq');
                        new.prev_hash := '\\x00'::bytea;
                        new.hash := '\\x00'::bytea;
                        return new;
                    end $$;
                    drop trigger if exists audit_event_unchained on smo.audit_event;
                    create trigger audit_event_unchained before insert on smo.audit_event
                        for each row execute function smo.audit_unchained();
                    alter table smo.audit_event disable trigger audit_event_unchained;""");
            System.out.printf("registrations with and without the audit hash chain, %d clients, %d s rounds after a %d s warm-up%n",
                    CLIENTS, ROUND.toSeconds(), ROUND.toSeconds());
            Loopback.registrations(service, caseworker, CLIENTS, ROUND);
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean chained = round % 2 == 0;
                chain(sql, chained);
                long[] latencies = Loopback.registrations(service, caseworker, CLIENTS, ROUND);
                double perSecond = latencies.length / (double) ROUND.toSeconds();
                System.out.printf("  round %d %-10s %6.1f registrations/s  p50 %5.1f ms  p99 %5.1f ms%n", round + 1,
                        chained ? "chained" : "unchained", perSecond, percentile(latencies, 0.5), percentile(latencies, 0.99));
                if (!chained) {
                    ratios.add(perSecond);
                } else {
                    ratios.add(-perSecond);
                }
            }
            chain(sql, true);
            List<Double> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < ratios.size(); i += 2) {
                pairs.add(-ratios.get(i) / ratios.get(i + 1));
            }
            Collections.sort(pairs);
            System.out.printf("  chained / unchained registrations per second, per pair of rounds: %s (median %.2f)%n",
                    pairs.stream().map(r -> String.format("%.2f", r)).toList(), pairs.get(pairs.size() / 2));

            long existing = count(sql, "select seq from smo.audit_chain_head");
            long started = System.nanoTime();
            // The trigger chains entries one transaction at a time; a million of them in one statement would make the
            // head row a million versions deep. So the fill computes the same chain with the same digest function
            // directly, and sets the head once.
            sql.execute("""
                    alter table smo.audit_event disable trigger audit_event_chain;
                    do $$
                    declare
                        head smo.audit_chain_head;
                        e smo.audit_event;
                    begin
                        select * into head from smo.audit_chain_head for update;
                        for g in 1..%d loop
                            e.id := nextval(pg_get_serial_sequence('smo.audit_event', 'id'));
                            e.occurred_at := now() - make_interval(secs => g);
                            e.actor := 'benchmark';
                            e.actor_roles := array['caseworker'];
                            e.office := 'GT';
                            e.action := 'benchmark.entry';
                            e.case_id := gen_random_uuid();
                            e.details := jsonb_build_object('n', g, 'caseNumber', 'GT-2026-' || g);
                            e.seq := head.seq + 1;
                            e.prev_hash := head.hash;
                            e.hash := smo.audit_entry_digest(head.hash, e);
                            insert into smo.audit_event (id, occurred_at, actor, actor_roles, office, action, case_id,
                                                         details, seq, prev_hash, hash)
                                overriding system value
                                values (e.id, e.occurred_at, e.actor, e.actor_roles, e.office, e.action, e.case_id,
                                        e.details, e.seq, e.prev_hash, e.hash);
                            head.seq := e.seq;
                            head.hash := e.hash;
                        end loop;
                        update smo.audit_chain_head set seq = head.seq, hash = head.hash;
                    end $$;
                    alter table smo.audit_event enable trigger audit_event_chain;""".formatted(Math.max(0, ENTRIES - existing)));
            sql.execute("analyze smo.audit_event");
            System.out.printf("filled the chain to %,d entries (in SQL, with the trigger's digest function) in %.1f s%n",
                    count(sql, "select seq from smo.audit_chain_head"), (System.nanoTime() - started) / 1e9);
        }
        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            JsonNode result = JSON.readTree(send(request(service + "/api/v1/admin/audit/verify", admin)
                    .timeout(Duration.ofMinutes(30)).GET().build(), 200));
            System.out.printf("verify %s: %,d entries checked, intact %s, %d ms in the service, %.1f s end to end%n",
                    i == 0 ? "(cold)" : "(warm)", result.get("checked").asLong(), result.get("intact").asBoolean(),
                    result.get("millis").asLong(), (System.nanoTime() - started) / 1e9);
        }
    }

    private static void chain(Statement sql, boolean on) throws Exception {
        sql.execute(on ? "alter table smo.audit_event disable trigger audit_event_unchained, enable trigger audit_event_chain"
                : "alter table smo.audit_event disable trigger audit_event_chain, enable trigger audit_event_unchained");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
