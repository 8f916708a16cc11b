package org.safemobility.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses request bodies over {@code smo.http.max-body-bytes} (64 KiB, larger for a few uploads, see
 * {@link BodyLimits}) with a 413 problem. A case is a few
 * kilobytes; anything far larger is a mistake or an attack. A declared Content-Length is checked before any of the
 * body is read; a body sent without one (chunked) is counted while it is parsed. The transport's own cap
 * ({@code quarkus.http.limits.max-body-size}) sits well above, as a last resort against memory exhaustion.
 */
@Provider
@Singleton
public class BodySizeLimit implements ReaderInterceptor {

    /** Looked up per request: the filter is registered during static init, before runtime configuration exists. */
    @Inject
    Instance<BodyLimits> limits;

    @Inject
    ObjectMapper json;

    @Inject
    RoutingContext routing;

    /** Thrown while reading a body that turns out larger than the limit; mapped to 413 by {@link ProblemMappers}. */
    public static class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request bodies are limited to " + limit + " bytes", null);
        }
    }

    void rejectDeclaredOversizeBodies(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = rc.request().path();
            long limit = limits.get().limitFor(path);
            if (length != null && path.startsWith("/api/") && exceeds(length, limit)) {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problemJson(path, limit));
                return;
            }
            rc.next();
        }, 1000);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new LimitedInputStream(context.getInputStream(), limits.get().limitFor(routing.request().path())));
        return context.proceed();
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer itself rejects a malformed Content-Length
        }
    }

    private String problemJson(String path, long limit) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "request bodies are limited to " + limit + " bytes", path, null, Traces.currentId(), List.of());
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }
    }
}
