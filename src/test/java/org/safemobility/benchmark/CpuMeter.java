package org.safemobility.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by the service, by PostgreSQL and by this benchmark's own JVM, read before and after a round. On
 * these machines the rate of work moves by half from round to round with what else the host runs, while the CPU time
 * a unit of work takes moves far less: it says whether a change made the work cheaper when requests per second cannot.
 * Linux only ({@code /proc}).
 */
final class CpuMeter {

    /** The kernel's unit for process times in /proc/[pid]/stat (USER_HZ: 100 on Linux x86 and arm). */
    private static final double TICKS_PER_SECOND = 100;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Milliseconds of CPU so far: the service's process, PostgreSQL's processes, this JVM. */
    record Reading(double serviceMs, double postgresMs, double benchmarkMs) {

        /** The CPU each spent since {@code before}, divided by {@code units} (requests, transactions). */
        Reading perUnit(Reading before, double units) {
            return new Reading((serviceMs - before.serviceMs) / units, (postgresMs - before.postgresMs) / units,
                    (benchmarkMs - before.benchmarkMs) / units);
        }
    }

    private final URI metrics;

    /** {@code management}: the service's management interface, whose Micrometer metrics carry its process CPU time. */
    CpuMeter(String management) {
        this.metrics = URI.create(management + "/q/metrics");
    }

    Reading read() throws Exception {
        return new Reading(serviceMs(), postgresMs(), ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6);
    }

    /** Micrometer's {@code process.cpu.time} (the JVM's own count, in nanoseconds). */
    private double serviceMs() throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith("process_cpu_time_ns_total ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1).strip()) / 1e6)
                .orElseThrow(() -> new IllegalStateException(metrics + " has no process_cpu_time_ns_total"));
    }

    /**
     * User and system time of every process named postgres (the server, its background workers, the backends). A
     * backend that exits between two readings takes its time with it; the pools keep theirs open through a round.
     */
    private static double postgresMs() throws IOException {
        double ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    // after the name, fields[0] is the stat line's field 3 (state); utime and stime are fields 14 and 15
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException exited) {
                    // gone between the listing and the read
                }
            }
        }
        return ticks / TICKS_PER_SECOND * 1000;
    }
}
