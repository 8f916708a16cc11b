package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.token;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What keeping the search table costs a registration (scripts/benchmark.sh searchcost): registrations per second at
 * 8 clients with the triggers that keep {@code case_search} in step, against the same service with those triggers
 * disabled, in alternating 20-second rounds (ABBA) after a warm-up. The registrations carry no household (each member would
 * run the refresh once more), and every one runs the case trigger, and the status trigger as eligibility decides.
 */
public final class SearchIndexCostBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(20);
    /** Pairs of rounds in the order kept/not, not/kept, ... (ABBA), so that the machine warming up favours neither. */
    private static final int PAIRS = 4;

    private SearchIndexCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        String caseworker = token(realm, "caseworker.gt");
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", ""); Statement sql = db.createStatement()) {
            System.out.printf("registrations with and without the search table's triggers, %d clients, %d s rounds after a "
                    + "%d s warm-up%n", CLIENTS, ROUND.toSeconds(), ROUND.toSeconds());
            Loopback.registrations(service, caseworker, CLIENTS, ROUND);
            List<Double> ratios = new ArrayList<>();
            double withTriggers = 0;
            double without = 0;
            for (int round = 0; round < 2 * PAIRS; round++) {
                boolean kept = (round % 2 == 0) == ((round / 2) % 2 == 0);
                triggers(sql, kept);
                long[] latencies = Loopback.registrations(service, caseworker, CLIENTS, ROUND);
                double perSecond = latencies.length / (double) ROUND.toSeconds();
                System.out.printf("  round %d %-16s %6.1f registrations/s  p50 %5.1f ms  p99 %5.1f ms%n", round + 1,
                        kept ? "search kept" : "search not kept", perSecond, percentile(latencies, 0.5),
                        percentile(latencies, 0.99));
                if (kept) {
                    withTriggers = perSecond;
                } else {
                    without = perSecond;
                }
                if (round % 2 == 1) {
                    ratios.add(withTriggers / without);
                }
            }
            triggers(sql, true);
            Collections.sort(ratios);
            System.out.printf("  kept / not kept, per pair of rounds: %s (median %.2f)%n",
                    ratios.stream().map(r -> String.format("%.2f", r)).toList(), ratios.get(ratios.size() / 2));
        }
    }

    private static void triggers(Statement sql, boolean enabled) throws Exception {
        String how = enabled ? "enable" : "disable";
        sql.execute("alter table smo.case_file " + how + " trigger case_search_case;"
                + "alter table smo.case_file " + how + " trigger case_search_status;"
                + "alter table smo.household_member " + how + " trigger case_search_member;");
    }
}
