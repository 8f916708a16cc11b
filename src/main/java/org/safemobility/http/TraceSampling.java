package org.safemobility.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are recorded and exported. The extension's sampler is fixed when the service is built; this one is
 * chosen when it starts, so that an operator turns tracing on by configuration alone ({@code smo.tracing.sample-ratio}
 * above 0 and an OTLP endpoint: the chart's {@code tracing.otlpEndpoint} sets both). At 0, the default, nothing is
 * recorded or exported, not even when a caller's {@code traceparent} asks for it (whoever can reach the API could
 * otherwise make the service try to export), yet every request still has a trace id for logs and problem responses.
 * <p>
 * Database work outside any trace (a statement or a connection taken by the engine's job acquisition, the metrics
 * gauges' counts every scrape) is never recorded: thousands of one-span traces a minute would bury the requests'. Nor
 * is taking a connection from the pool: a registration does it 22 times (the engine, Hibernate and the audit trail each
 * ask for the transaction's connection), each a span with nothing to say; waiting for one shows in the request's
 * time and in the pool's metrics.
 */
@Singleton
public class TraceSampling implements Sampler {

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    /** The JDBC instrumentation's span for taking a connection from the pool. */
    static final String CONNECTION_TAKEN = "DataSource.getConnection";

    private final Sampler sampler;
    private final double ratio;

    TraceSampling(@ConfigProperty(name = "smo.tracing.sample-ratio", defaultValue = "0") double ratio) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("smo.tracing.sample-ratio must be between 0 and 1, was " + ratio);
        }
        this.ratio = ratio;
        this.sampler = ratio == 0 ? Sampler.alwaysOff() : Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
    }

    @Override
    public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind, Attributes attributes,
                                       List<LinkData> links) {
        // a connection's span learns its database only when it ends: it is known by its name
        if (name.equals(CONNECTION_TAKEN)
                || attributes.get(DB_SYSTEM) != null && !Span.fromContext(parent).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return sampler.shouldSample(parent, traceId, name, kind, attributes, links);
    }

    @Override
    public String getDescription() {
        return "SmoTraceSampling{ratio=" + ratio + ", " + sampler.getDescription() + "}";
    }
}
