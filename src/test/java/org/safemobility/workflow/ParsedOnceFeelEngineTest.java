package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The service's DMN engine parses each FEEL text once and still decides exactly as Camunda's default engine does:
 * every office × nationality × a spread of dates through the real eligibility table, compared result by result.
 */
class ParsedOnceFeelEngineTest {

    private static final List<String> OFFICES = List.of("GT", "CR", "CO", "EC", "PE");
    private static final List<String> NATIONALITIES = List.of("HND", "NIC", "VEN", "COL", "CUB", "HTI", "SLV", "GTM", "USA");
    private static final List<String> DATES = List.of("2020-01-01", "2022-08-08", "2024-01-10", "2024-09-27",
            "2026-06-01");

    @Test
    void decides_as_the_default_engine_does_parsing_each_text_once() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("workflows/smo-eligibility.dmn"));
        DmnEngine memoized = FeelOnly.engine();
        DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision fast = memoized.parseDecision("smo-eligibility", new ByteArrayInputStream(file));
        DmnDecision reference = plain.parseDecision("smo-eligibility", new ByteArrayInputStream(file));
        ParsedOnceFeelEngine feel = (ParsedOnceFeelEngine)
                ((DefaultDmnEngineConfiguration) memoized.getConfiguration()).getFeelEngine();

        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String office : OFFICES) {
            for (String nationality : NATIONALITIES) {
                for (String arrival : DATES) {
                    for (String application : DATES) {
                        Map<String, Object> in = new HashMap<>();
                        in.put("office", office);
                        in.put("nationality", nationality);
                        in.put("arrivalDate", LocalDate.parse(arrival));
                        in.put("applicationDate", LocalDate.parse(application));
                        inputs.add(in);
                    }
                }
            }
        }
        int eligible = 0;
        for (Map<String, Object> in : inputs) {
            var expected = plain.evaluateDecision(reference, in).getResultList();
            var actual = memoized.evaluateDecision(fast, in).getResultList();
            assertThat(actual).as(in.toString()).isEqualTo(expected);
            eligible += actual.stream().filter(r -> Boolean.TRUE.equals(r.get("eligible"))).count();
        }
        assertThat(eligible).as("the spread reaches both answers").isPositive().isLessThan(inputs.size());
        int texts = feel.size();
        assertThat(texts).isPositive();
        for (Map<String, Object> in : inputs) {
            memoized.evaluateDecision(fast, in);
        }
        assertThat(feel.size()).as("evaluating again parses nothing new").isEqualTo(texts);
    }

    @Test
    void a_text_that_does_not_parse_fails_the_evaluation_and_is_not_kept() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="urn:test">
                  <decision id="answer" name="answer">
                    <decisionTable id="table">
                      <input id="in"><inputExpression id="in-expr" typeRef="number"><text>x</text></inputExpression></input>
                      <output id="out" name="answer" typeRef="string"/>
                      <rule id="only">
                        <inputEntry id="only-in"><text>&gt; &gt; 3</text></inputEntry>
                        <outputEntry id="only-out"><text>"yes"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        DmnEngine engine = FeelOnly.engine();
        DmnDecision decision = engine.parseDecision("answer", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
        ParsedOnceFeelEngine feel = (ParsedOnceFeelEngine)
                ((DefaultDmnEngineConfiguration) engine.getConfiguration()).getFeelEngine();
        assertThatThrownBy(() -> engine.evaluateDecision(decision, Map.of("x", 4))).hasMessageContaining("> > 3");
        assertThat(feel.size()).as("the input expression only").isEqualTo(1);
    }
}
