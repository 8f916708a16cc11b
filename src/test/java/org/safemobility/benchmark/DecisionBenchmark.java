package org.safemobility.benchmark;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.safemobility.workflow.FeelOnly;

/**
 * One evaluation of the eligibility decision, warmed, on Camunda's default DMN engine and on the service's (FEEL
 * only, each text parsed once: issue 16), against a baseline measured in the same run: a one-row decision table.
 * Run by {@code scripts/benchmark.sh decision}; not a test.
 */
public final class DecisionBenchmark {

    private static final String BASELINE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="baseline-definitions" name="baseline" namespace="urn:smo:bench">
              <decision id="baseline" name="baseline">
                <decisionTable id="baseline-table">
                  <input id="in"><inputExpression id="in-expr" typeRef="string"><text>office</text></inputExpression></input>
                  <output id="out" name="eligible" typeRef="boolean" />
                  <rule id="r"><inputEntry id="r-in"><text>-</text></inputEntry><outputEntry id="r-out"><text>true</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>""";

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] file;
        try (InputStream dmn = DecisionBenchmark.class.getResourceAsStream("/workflows/smo-eligibility.dmn")) {
            file = dmn.readAllBytes();
        }
        // Camunda's default DMN engine (feel-scala parses every text on every evaluation) and the service's
        // (FeelOnly.engine(): FEEL only, each text parsed once)
        DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine service = FeelOnly.engine();
        DmnDecision plainEligibility = plain.parseDecision("smo-eligibility", new ByteArrayInputStream(file));
        DmnDecision serviceEligibility = service.parseDecision("smo-eligibility", new ByteArrayInputStream(file));
        DmnDecision plainBaseline = plain.parseDecision("baseline",
                new ByteArrayInputStream(BASELINE.getBytes(StandardCharsets.UTF_8)));
        DmnDecision serviceBaseline = service.parseDecision("baseline",
                new ByteArrayInputStream(BASELINE.getBytes(StandardCharsets.UTF_8)));
        // a spread of inputs: early rows (GT), late rows (EC), and the last catch-all (unknown office)
        List<Map<String, Object>> inputs = List.of(
                inputs("GT", "HND", "2024-01-10", "2024-05-08"), inputs("CR", "VEN", "2024-01-15", "2024-09-27"),
                inputs("EC", "COL", "2022-08-08", "2024-02-02"), inputs("PE", "VEN", "2022-01-01", "2024-01-01"));
        int warmup = 10_000;
        int measured = 20_000;
        int rounds = 3;
        double[] sums = new double[4];
        for (int round = 0; round < rounds; round++) { // alternated, so the machine's noise falls on all alike
            sums[0] += measure(plain, plainBaseline, inputs, warmup, measured);
            sums[1] += measure(plain, plainEligibility, inputs, warmup, measured);
            sums[2] += measure(service, serviceBaseline, inputs, warmup, measured);
            sums[3] += measure(service, serviceEligibility, inputs, warmup, measured);
        }
        double baseline = sums[0] / rounds;
        System.out.printf("decision evaluation (engine only, warmed, %d rounds of %d evaluations, alternated):%n", rounds,
                measured);
        System.out.printf("  baseline one-row table, Camunda's default engine  %8.2f µs%n", baseline);
        System.out.printf("  smo-eligibility, Camunda's default engine          %8.2f µs   = %.1f × baseline%n",
                sums[1] / rounds, sums[1] / rounds / baseline);
        System.out.printf("  one-row table, the service's engine (parsed once)  %8.2f µs   = %.1f × baseline%n",
                sums[2] / rounds, sums[2] / rounds / baseline);
        System.out.printf("  smo-eligibility, the service's engine (parsed once)%8.2f µs   = %.1f × baseline, %.1f× faster than default%n",
                sums[3] / rounds, sums[3] / rounds / baseline, sums[1] / sums[3]);
    }

    private static double measure(DmnEngine engine, DmnDecision decision, List<Map<String, Object>> inputs, int warmup,
                                  int measured) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += engine.evaluateDecision(decision, inputs.get(i % inputs.size())).size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            sink += engine.evaluateDecision(decision, inputs.get(i % inputs.size())).size();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return elapsed / 1_000.0 / measured;
    }

    private static Map<String, Object> inputs(String office, String nationality, String arrival, String application) {
        return Map.of("office", office, "nationality", nationality, "arrivalDate", LocalDate.parse(arrival),
                "applicationDate", LocalDate.parse(application));
    }
}
