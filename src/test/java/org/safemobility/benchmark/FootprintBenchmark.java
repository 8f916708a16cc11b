package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.token;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Footprint of the packaged service (issue 16, point 3): start to ready on an existing database, and resident memory
 * under the intake load (8 clients registering), for the JVM settings the Helm chart ships, for each of them turned
 * back to the JDK's default one at a time, and for settings tried and not shipped, each added to the chart's. Every variant is a fresh JVM; rounds alternate the variants. The
 * container's memory limit is stood in for by {@code -XX:MaxRAM} (what the JVM reads from the cgroup in a pod).
 *
 * <pre>args: quarkusAppDir keycloakRealmUrl port managementPort</pre>
 */
public final class FootprintBenchmark {

    /** The chart's memory limit (values.yaml resources.limits.memory) as the JVM would see it in the pod. */
    static final String CONTAINER = "-XX:MaxRAM=640m";
    /** The chart's settings (values.yaml jvm.options), each named so that it can be left out. */
    static final Map<String, List<String>> CHART = new LinkedHashMap<>();
    /** An option that is an environment variable of the JVM's process, not a flag. */
    static final String ENV = "env:";
    /** An option that names the home of the JDK to run the variant with. */
    static final String JAVA = "java:";
    /**
     * The JDK's AOT cache (JEP 483 and 514, JDK 24 and later: classes loaded and linked, method profiles) in the
     * application's directory, written by a training run of the same JDK and flags before the rounds.
     */
    static final String AOT_CACHE = "-XX:AOTCache=app.aot";
    /** Settings tried and not shipped, each measured added to the chart's. */
    static final Map<String, List<String>> TRIED = new LinkedHashMap<>();

    static {
        CHART.put("SerialGC", List.of("-XX:+UseSerialGC"));
        CHART.put("heap 32% of the limit", List.of("-XX:MaxRAMPercentage=32", "-XX:InitialRAMPercentage=32"));
        CHART.put("C1 only (TieredStopAtLevel=1)", List.of("-XX:TieredStopAtLevel=1"));
        TRIED.put("AppCDS archive", List.of("-XX:SharedArchiveFile=app-cds.jsa"));
        TRIED.put("heap 24% of the limit", List.of("-XX:MaxRAMPercentage=24", "-XX:InitialRAMPercentage=24"));
        TRIED.put("heap 16% of the limit", List.of("-XX:MaxRAMPercentage=16", "-XX:InitialRAMPercentage=16"));
        // the same ceiling, committed as collections find it needed (SerialGC grows the heap when one leaves less than
        // MinHeapFreeRatio free): under the load it grew nearly to the ceiling anyway, 0.98x the RSS (docs/scaling.md)
        TRIED.put("heap grown from 8% (max 32%)", List.of("-XX:InitialRAMPercentage=8"));
        TRIED.put("code cache 64 MB, stacks 512 KB", List.of("-XX:ReservedCodeCacheSize=64m", "-Xss512k"));
        // glibc gives each thread that allocates natively an arena of its own (up to 8 per core, 64 MB reserved each)
        TRIED.put("2 malloc arenas (MALLOC_ARENA_MAX=2)", List.of(ENV + "MALLOC_ARENA_MAX=2"));
        TRIED.put("all of the above but AppCDS and the heap", List.of("-XX:ReservedCodeCacheSize=64m", "-Xss512k",
                ENV + "MALLOC_ARENA_MAX=2"));
        String jdk = System.getProperty("footprint.jdk", "");
        if (!jdk.isBlank()) { // another JDK (the chart's image runs Temurin 21; JDK 25 adds compact object headers)
            TRIED.put("JDK " + jdk, List.of(JAVA + jdk));
            TRIED.put("JDK " + jdk + " + compact object headers", List.of(JAVA + jdk, "-XX:+UseCompactObjectHeaders"));
            TRIED.put("JDK " + jdk + " + AOT cache", List.of(JAVA + jdk, AOT_CACHE));
        }
    }

    private static final Duration WARM = Duration.ofSeconds(Integer.getInteger("footprint.warm-seconds", 15));
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("footprint.load-seconds", 30));
    private static final int ROUNDS = Integer.getInteger("footprint.rounds", 2);
    private static final AtomicInteger NEXT = new AtomicInteger();
    /** -Dfootprint.nmt=true: where each variant's memory goes, by the JVM's native memory tracking (costs a little). */
    private static final boolean NMT = Boolean.getBoolean("footprint.nmt");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FootprintBenchmark() {
    }

    private record Run(double startSeconds, long rssMb, long peakRssMb, double perSecond, double p99) {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        String realm = args[1];
        int port = Integer.parseInt(args[2]);
        int management = Integer.parseInt(args[3]);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("the chart's settings", flags(null));
        for (String setting : CHART.keySet()) {
            variants.put("chart without " + setting, flags(setting));
        }
        TRIED.forEach((setting, options) -> {
            List<String> flags = new ArrayList<>(flags(null));
            flags.addAll(options);
            variants.put("chart + " + setting, flags);
        });
        variants.put("JDK defaults (no flags)", List.of(CONTAINER));
        // -Dfootprint.variants=name|name: only those (e.g. two of them in longer rounds, for the steady state); names
        // are compared by their letters and digits alone, so that MAVEN_OPTS needs no spaces or quotes in them
        // (the_charts_settings|chart_without_C1_only_TieredStopAtLevel_1)
        String only = System.getProperty("footprint.variants", "");
        if (!only.isBlank()) {
            List<String> names = java.util.Arrays.stream(only.split("\\|")).map(FootprintBenchmark::letters).toList();
            variants.keySet().removeIf(name -> !names.contains(letters(name)));
            if (variants.size() != names.size()) {
                throw new IllegalArgumentException("footprint.variants: not every one of " + names + " names a variant; "
                        + "they are the chart's settings, chart without <setting>, chart + <setting>, JDK defaults (no flags)");
            }
        }
        if (!Files.exists(app.resolve("app-cds.jsa"))) {
            throw new IllegalStateException("no " + app.resolve("app-cds.jsa") + ": package with "
                    + "-Dquarkus.package.jar.appcds.enabled=true");
        }
        for (List<String> flags : variants.values()) {
            if (flags.contains(AOT_CACHE)) {
                train(app, flags, realm, port, management);
                break;
            }
        }
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        variants.keySet().forEach(v -> runs.put(v, new ArrayList<>()));
        System.out.printf("Footprint: %d rounds; each variant a fresh JVM (limit stood in for by %s), start to ready, then "
                + "%d s warm-up and %d s of registrations at 8 clients; RSS sampled every 250 ms under load%n", ROUNDS,
                CONTAINER, WARM.toSeconds(), LOAD.toSeconds());
        for (int round = 1; round <= ROUNDS; round++) {
            for (var variant : variants.entrySet()) {
                Run run = run(app, variant.getValue(), realm, port, management);
                runs.get(variant.getKey()).add(run);
                System.out.printf("  round %d  %-40s start %5.2f s  RSS %4d MB (peak %4d MB)  %6.1f registrations/s  p99 %6.1f ms%n",
                        round, variant.getKey(), run.startSeconds, run.rssMb, run.peakRssMb, run.perSecond, run.p99);
            }
        }
        Run chart = mean(runs.get("the chart's settings"));
        System.out.println("means (ratios to the chart's settings):");
        for (var entry : runs.entrySet()) {
            Run m = mean(entry.getValue());
            System.out.printf("  %-40s start %5.2f s (%.2f ×)  RSS %4d MB (%.2f ×)  peak %4d MB  %6.1f/s (%.2f ×)%n",
                    entry.getKey(), m.startSeconds, m.startSeconds / chart.startSeconds, m.rssMb,
                    m.rssMb / (double) chart.rssMb, m.peakRssMb, m.perSecond, m.perSecond / chart.perSecond);
        }
    }

    private static List<String> flags(String without) {
        List<String> flags = new ArrayList<>(List.of(CONTAINER));
        CHART.forEach((name, options) -> {
            if (!name.equals(without)) {
                flags.addAll(options);
            }
        });
        return flags;
    }

    /**
     * The AOT cache's training run: the variant's JDK and flags writing the cache instead of reading it, over a start,
     * the warm-up and the load (so that registration's classes and profiles are in it); the JVM writes it as it exits.
     */
    private static void train(Path app, List<String> flags, String realm, int port, int management) throws Exception {
        Path cache = app.resolve("app.aot");
        Files.deleteIfExists(cache);
        List<String> training = flags.stream().map(f -> f.equals(AOT_CACHE) ? "-XX:AOTCacheOutput=app.aot" : f).toList();
        long started = System.nanoTime();
        Run run = run(app, training, realm, port, management, Duration.ofMinutes(5));
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training run wrote no " + cache + "; see /tmp/footprint-service.log");
        }
        System.out.printf("  AOT cache trained over a start (%.2f s) and %d s of registrations: %d MB, %.0f s in all%n",
                run.startSeconds, WARM.plus(LOAD).toSeconds(), Files.size(cache) >> 20, (System.nanoTime() - started) / 1e9);
    }

    private static Run run(Path app, List<String> flags, String realm, int port, int management) throws Exception {
        return run(app, flags, realm, port, management, Duration.ofSeconds(30));
    }

    /** One fresh JVM: start to ready, warm-up, load; then a graceful stop, given {@code stop} before it is killed. */
    private static Run run(Path app, List<String> flags, String realm, int port, int management, Duration stop)
            throws Exception {
        List<String> command = new ArrayList<>();
        String javaHome = flags.stream().filter(f -> f.startsWith(JAVA)).map(f -> f.substring(JAVA.length()))
                .findFirst().orElse(System.getProperty("java.home"));
        command.add(Path.of(javaHome, "bin", "java").toString());
        if (NMT) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        flags.stream().filter(f -> !f.startsWith(ENV) && !f.startsWith(JAVA)).forEach(command::add);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(new File("/tmp/footprint-service.log"));
        flags.stream().filter(f -> f.startsWith(ENV)).map(f -> f.substring(ENV.length()).split("=", 2))
                .forEach(kv -> builder.environment().put(kv[0], kv[1]));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
        long started = System.nanoTime();
        Process service = builder.start();
        try {
            URI ready = URI.create("http://localhost:" + management + "/q/health/ready");
            while (true) {
                if (!service.isAlive()) {
                    throw new IllegalStateException("the service exited; see /tmp/footprint-service.log");
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            double startSeconds = (System.nanoTime() - started) / 1e9;
            String url = "http://localhost:" + port;
            String token = token(realm, "caseworker.gt");
            registrations(url, token, WARM);
            AtomicLong sum = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long rss = status(service.pid(), "VmRSS");
                    if (rss > 0) {
                        sum.addAndGet(rss);
                        samples.incrementAndGet();
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long[] latencies = registrations(url, token, LOAD);
            sampler.interrupt();
            sampler.join();
            long peak = status(service.pid(), "VmHWM");
            if (NMT) {
                System.out.println("    committed by the JVM at the end of the load (NMT, MB): "
                        + nativeMemory(javaHome, service.pid()));
            }
            return new Run(startSeconds, sum.get() / Math.max(1, samples.get()) / 1024, peak / 1024,
                    latencies.length / (double) LOAD.toSeconds(), percentile(latencies, 0.99));
        } finally {
            service.destroy(); // SIGTERM: a graceful stop, as Kubernetes does
            if (!service.waitFor(stop.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static long[] registrations(String service, String token, Duration duration) throws Exception {
        return Loopback.registrations(service, token, 8, duration,
                () -> PrivacyBenchmark.body(5_000_000 + NEXT.getAndIncrement()), true);
    }

    /** The committed memory of each NMT category of at least 1 MB, largest first, e.g. "Java Heap 205, Class 98". */
    private static String nativeMemory(String javaHome, long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(javaHome, "bin", "jcmd").toString(), String.valueOf(pid),
                "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^[-\\s]*([A-Z][A-Za-z ]+?):? \\(?reserved=\\d+MB, committed=(\\d+)MB").matcher(out);
        Map<String, Integer> committed = new LinkedHashMap<>();
        while (m.find()) {
            committed.put(m.group(1).strip(), Integer.parseInt(m.group(2)));
        }
        return committed.entrySet().stream().filter(e -> e.getValue() >= 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String letters(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A /proc/<pid>/status field in kB. */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException gone) {
            return -1;
        }
        return -1;
    }

    private static Run mean(List<Run> runs) {
        return new Run(runs.stream().mapToDouble(Run::startSeconds).average().orElse(0),
                (long) runs.stream().mapToLong(Run::rssMb).average().orElse(0),
                runs.stream().mapToLong(Run::peakRssMb).max().orElse(0),
                runs.stream().mapToDouble(Run::perSecond).average().orElse(0),
                runs.stream().mapToDouble(Run::p99).average().orElse(0));
    }
}
