package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;

/** The DMN engine the service evaluates with runs FEEL only, even for a file that never went through the check. */
class FeelOnlyTest {

    private static String decision(String language, String text) {
        return """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="urn:test">
                  <decision id="answer" name="answer">
                    <decisionTable id="table" hitPolicy="FIRST">
                      <input id="in"><inputExpression id="in-expr" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="out" name="answer" typeRef="string"/>
                      <rule id="only">
                        <inputEntry id="only-in"><text>-</text></inputEntry>
                        <outputEntry id="only-out" expressionLanguage="%s"><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(language, text);
    }

    @Test
    void juel_and_scripts_do_not_run_even_unchecked() throws Exception {
        Path marker = Files.createTempDirectory("smo-feel").resolve("ran");
        DmnEngine engine = FeelOnly.engine();
        for (String language : new String[] {"juel", "javascript", "groovy"}) {
            String text = language.equals("juel")
                    ? "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch " + marker + "\")}"
                    : "java.lang.Runtime.getRuntime().exec(\"touch " + marker + "\")";
            DmnDecision decision = engine.parseDecision("answer",
                    new ByteArrayInputStream(decision(language, text).getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> engine.evaluateDecision(decision, Map.of("x", "y"))).as(language).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> FeelOnly.check(decision(language, text).getBytes(StandardCharsets.UTF_8)))
                    .as(language).hasMessageContaining("outputEntry 'only-out' uses expression language '" + language + "'");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void feel_is_evaluated_under_every_name_dmn_gives_it() {
        DmnEngine engine = FeelOnly.engine();
        for (String language : new String[] {"feel", "FEEL", "https://www.omg.org/spec/DMN/20191111/FEEL/"}) {
            byte[] file = decision(language, "\"yes\"").getBytes(StandardCharsets.UTF_8);
            FeelOnly.check(file);
            DmnDecision decision = engine.parseDecision("answer", new ByteArrayInputStream(file));
            assertThat(engine.evaluateDecision(decision, Map.of("x", "y")).getSingleResult().<String>getSingleEntry()).isEqualTo("yes");
        }
    }
}
