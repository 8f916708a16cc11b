package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a daily quota costs a registration (scripts/benchmark.sh quota): registrations per second at 8 clients at an
 * office with a quota too high to reach (every registration reads the day's count first and increments it under the
 * day row's lock at the end) against the same office without one, in alternating 20-second rounds after a warm-up.
 */
public final class IntakeQuotaBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(20);
    private static final int ROUNDS = 6;

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String caseworker = token(realm, "caseworker.gt");
        String admin = token(realm, "admin.smo");
        System.out.printf("registrations at GT with and without a daily quota, %d clients, %d s rounds after a %d s warm-up%n",
                CLIENTS, ROUND.toSeconds(), ROUND.toSeconds());
        Loopback.registrations(service, caseworker, CLIENTS, ROUND);
        List<Double> withQuota = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean quota = round % 2 == 0;
            quota(service, admin, quota ? 1_000_000 : null);
            Thread.sleep(200);
            long[] latencies = Loopback.registrations(service, caseworker, CLIENTS, ROUND);
            double perSecond = latencies.length / (double) ROUND.toSeconds();
            (quota ? withQuota : without).add(perSecond);
            System.out.printf("  round %d %-13s %6.1f registrations/s  p50 %5.1f ms  p99 %5.1f ms%n", round + 1,
                    quota ? "with quota" : "without quota", perSecond, percentile(latencies, 0.5), percentile(latencies, 0.99));
        }
        quota(service, admin, null);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < withQuota.size(); i++) {
            ratios.add(withQuota.get(i) / without.get(i));
        }
        Collections.sort(ratios);
        System.out.printf("  with / without quota, per pair of rounds: %s (median %.2f)%n",
                ratios.stream().map(r -> String.format("%.2f", r)).toList(), ratios.get(ratios.size() / 2));
    }

    private static void quota(String service, String admin, Integer quota) throws Exception {
        ObjectNode office = (ObjectNode) JSON.readTree(send(request(service + "/api/v1/admin/offices/GT", admin).GET().build(), 200));
        ObjectNode change = JSON.createObjectNode();
        for (String field : List.of("name", "hostCountry", "timeZone", "openedOn", "intakeWeekdays", "version")) {
            change.set(field, office.get(field));
        }
        if (quota == null) {
            change.putNull("dailyQuota");
        } else {
            change.put("dailyQuota", quota);
        }
        send(request(service + "/api/v1/admin/offices/GT", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(change.toString())).build(), 200);
    }
}
