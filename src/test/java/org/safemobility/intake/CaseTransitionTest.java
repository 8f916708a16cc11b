package org.safemobility.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case's status table, checked against {@code case-transitions.csv}: every pair of status and transition is either
 * listed there, with the status it leads to, or refused. A change to the case's life is a change to both files.
 */
class CaseTransitionTest {

    record Move(CaseStatus from, CaseTransition transition) {
    }

    static Map<Move, CaseStatus> allowed() throws IOException {
        Map<Move, CaseStatus> allowed = new HashMap<>();
        try (InputStream csv = CaseTransitionTest.class.getResourceAsStream("/case-transitions.csv")) {
            List<String> lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split(",");
                allowed.put(new Move(CaseStatus.valueOf(cells[0]), CaseTransition.valueOf(cells[1])),
                        CaseStatus.valueOf(cells[2]));
            }
        }
        return allowed;
    }

    static Stream<Arguments> everyStatusAndTransition() throws IOException {
        Map<Move, CaseStatus> allowed = allowed();
        List<Arguments> all = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseTransition transition : CaseTransition.values()) {
                all.add(Arguments.of(status, transition, allowed.get(new Move(status, transition))));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStatusAndTransition")
    void a_transition_is_allowed_exactly_where_the_table_lists_it(CaseStatus status, CaseTransition transition,
                                                                   CaseStatus expected) {
        if (expected == null) {
            assertThat(transition.allowedFrom(status)).as("%s refused from %s", transition, status).isFalse();
        } else {
            assertThat(transition.allowedFrom(status)).as("%s allowed from %s", transition, status).isTrue();
            assertThat(transition.to()).isEqualTo(expected);
        }
    }

    @Test
    void closed_cases_move_only_through_re_screening_a_correction_or_a_duplicate_review() {
        for (CaseStatus status : CaseStatus.values()) {
            if (!status.isClosed()) {
                continue;
            }
            for (CaseTransition transition : CaseTransition.values()) {
                if (transition.allowedFrom(status)) {
                    assertThat(transition).isIn(CaseTransition.REOPENED_BY_RESCREENING,
                            CaseTransition.KEPT_CLOSED_AFTER_RESCREENING, CaseTransition.CORRECTED_TO_ELIGIBLE,
                            CaseTransition.CONFIRMED_DUPLICATE);
                }
            }
        }
    }

    @Test
    void every_status_but_registered_can_be_reached() {
        for (CaseStatus status : CaseStatus.values()) {
            if (status != CaseStatus.REGISTERED) {
                assertThat(Stream.of(CaseTransition.values()).anyMatch(t -> t.to() == status)).as("%s reachable", status).isTrue();
            }
        }
    }
}
