package org.safemobility.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sampling decisions an operator's one setting makes. */
class TraceSamplingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Context SAMPLED_CALLER = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
            TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));
    private static final Attributes STATEMENT = Attributes.builder().put("db.system", "postgresql").build();

    private static SamplingDecision decide(TraceSampling sampling, Context parent, SpanKind kind, Attributes attributes) {
        return sampling.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }

    @Test
    void at_zero_nothing_is_recorded_not_even_when_a_caller_asks_for_it() {
        TraceSampling off = new TraceSampling(0);
        assertThat(decide(off, Context.root(), SpanKind.SERVER, Attributes.empty())).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(off, SAMPLED_CALLER, SpanKind.SERVER, Attributes.empty())).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void at_one_every_request_and_its_statements_are_recorded_but_no_statement_outside_a_trace() {
        TraceSampling on = new TraceSampling(1);
        assertThat(decide(on, Context.root(), SpanKind.SERVER, Attributes.empty())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(on, SAMPLED_CALLER, SpanKind.CLIENT, STATEMENT)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(on, Context.root(), SpanKind.CLIENT, STATEMENT)).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(on, Context.root(), SpanKind.INTERNAL, STATEMENT)).as("a connection taken outside a trace")
                .isEqualTo(SamplingDecision.DROP);
        assertThat(on.shouldSample(SAMPLED_CALLER, TRACE, "DataSource.getConnection", SpanKind.INTERNAL, Attributes.empty(), List.of())
                .getDecision()).as("a connection taken inside one").isEqualTo(SamplingDecision.DROP);
        assertThat(decide(on, Context.root(), SpanKind.CLIENT, Attributes.empty()))
                .as("a webhook delivery of an event written outside any trace").isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void a_ratio_outside_zero_to_one_stops_the_service_from_starting() {
        assertThatThrownBy(() -> new TraceSampling(1.5)).hasMessageContaining("smo.tracing.sample-ratio");
        assertThatThrownBy(() -> new TraceSampling(-0.1)).hasMessageContaining("smo.tracing.sample-ratio");
    }
}
