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

/**
 * One evaluation of the eligibility decision on the DMN engine, warmed, against a baseline measured in the same run:
 * a one-row decision table on the same engine. Run by {@code scripts/benchmark.sh}; not a test.
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
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision eligibility;
        try (InputStream dmn = DecisionBenchmark.class.getResourceAsStream("/workflows/smo-eligibility.dmn")) {
            eligibility = engine.parseDecision("smo-eligibility", dmn);
        }
        DmnDecision baseline = engine.parseDecision("baseline",
                new ByteArrayInputStream(BASELINE.getBytes(StandardCharsets.UTF_8)));
        // a spread of inputs: early rows (GT), late rows (EC), and the last catch-all (unknown office)
        List<Map<String, Object>> inputs = List.of(
                inputs("GT", "HND", "2024-01-10", "2024-05-08"), inputs("CR", "VEN", "2024-01-15", "2024-09-27"),
                inputs("EC", "COL", "2022-08-08", "2024-02-02"), inputs("PE", "VEN", "2022-01-01", "2024-01-01"));
        int warmup = 10_000;
        int measured = 40_000;
        double baselineMicros = measure(engine, baseline, inputs, warmup, measured);
        double eligibilityMicros = measure(engine, eligibility, inputs, warmup, measured);
        System.out.printf("decision evaluation (engine only, warmed, %d evaluations):%n", measured);
        System.out.printf("  baseline one-row table   %8.2f µs%n", baselineMicros);
        System.out.printf("  smo-eligibility (25 rows)%8.2f µs   = %.1f × baseline%n", eligibilityMicros,
                eligibilityMicros / baselineMicros);
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
