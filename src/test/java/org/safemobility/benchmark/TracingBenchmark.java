package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.token;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tracing costs a registration (scripts/benchmark.sh tracing). Three fresh JVMs of the same jar on the same
 * database, started together:
 * the service as shipped (every request gets a trace id, nothing is recorded: {@code smo.tracing.sample-ratio=0}),
 * one with the OpenTelemetry SDK disabled (the baseline: no trace ids at all), and one recording and exporting every
 * trace over OTLP to a sink in this program (ratio 1). Registrations at 8 clients in 20-second rounds, the three
 * services taking turns (each in each place in turn), after a warm-up of each; printed per round and as ratios to the
 * baseline's round beside it ({@code MAVEN_OPTS=-Dtracing.rounds=N}, default 5).
 */
public final class TracingBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(20);
    private static final int ROUNDS = Integer.getInteger("tracing.rounds", 5);

    public static void main(String[] args) throws Exception {
        String realm = args[1];
        String shipped = args[3];
        String untraced = args[4];
        String exporting = args[5];
        int sinkPort = Integer.parseInt(args[6]);
        AtomicLong exports = new AtomicLong();
        AtomicLong exportedBytes = new AtomicLong();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", sinkPort), 0);
        sink.createContext("/v1/traces", exchange -> {
            exportedBytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
            exports.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        try {
            String caseworker = token(realm, "caseworker.gt");
            String[] names = {"untraced (SDK off)", "shipped (ratio 0)", "exporting (ratio 1)"};
            String[] services = {untraced, shipped, exporting};
            System.out.printf("registrations: SDK off vs as shipped vs every trace exported, %d clients, %d s rounds%n",
                    CLIENTS, ROUND.toSeconds());
            for (String service : services) {
                Loopback.registrations(service, caseworker, CLIENTS, ROUND.dividedBy(2));
            }
            List<Double> shippedRatios = new ArrayList<>();
            List<Double> exportingRatios = new ArrayList<>();
            long exportingRegistrations = 0;
            long bytesBefore = exportedBytes.get();
            for (int round = 0; round < ROUNDS; round++) {
                double[] rates = new double[3];
                // rotate the order, so that each configuration takes each place in turn (reversing it kept the same
                // one always second, and the second place measured slower in two runs)
                int[] order = {round % 3, (round + 1) % 3, (round + 2) % 3};
                for (int i : order) {
                    long[] latencies = Loopback.registrations(services[i], caseworker, CLIENTS, ROUND);
                    rates[i] = latencies.length / (double) ROUND.toSeconds();
                    if (i == 2) {
                        exportingRegistrations += latencies.length;
                    }
                    System.out.printf("  round %d %-20s %6.1f registrations/s  p50 %5.1f ms  p99 %5.1f ms%n", round + 1,
                            names[i], rates[i], percentile(latencies, 0.5), percentile(latencies, 0.99));
                }
                shippedRatios.add(rates[1] / rates[0]);
                exportingRatios.add(rates[2] / rates[0]);
            }
            Thread.sleep(6000); // the batch processor's last export (every 5 s)
            System.out.printf("  as shipped / SDK off, per round: %s (median %.2f)%n", format(shippedRatios), median(shippedRatios));
            System.out.printf("  exporting / SDK off, per round:  %s (median %.2f)%n", format(exportingRatios), median(exportingRatios));
            System.out.printf("  exported: %,d OTLP requests, %,d KB in all, %.1f KB per registration%n", exports.get(),
                    exportedBytes.get() / 1024, (exportedBytes.get() - bytesBefore) / 1024.0 / Math.max(1, exportingRegistrations));
        } finally {
            sink.stop(0);
        }
    }

    private static List<String> format(List<Double> ratios) {
        return ratios.stream().map(r -> String.format("%.2f", r)).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
