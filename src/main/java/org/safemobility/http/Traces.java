package org.safemobility.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context of the work in hand. Every request has a trace id, whether or not its spans are recorded
 * (see {@link TraceSampling}): a caller's {@code traceparent} is continued, otherwise a fresh one is made. It goes
 * into problem responses and the log context, and, through the outbox, into the webhook deliveries a request caused.
 */
public final class Traces {

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Traces() {
    }

    /** The current trace's id (32 hex digits), or null where there is none (start-up, a thread outside any trace). */
    public static String currentId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** The current span as a W3C {@code traceparent} header value, or null where there is none. */
    public static String currentParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The context a stored {@code traceparent} names, to continue that trace; the root context if there is none. */
    public static Context continuing(String traceParent) {
        if (traceParent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceParent), FROM_MAP);
    }

}
