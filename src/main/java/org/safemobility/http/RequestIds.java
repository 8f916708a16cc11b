package org.safemobility.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id of this service's own (a fresh UUID): it goes into the log context, every audit entry and
 * problem response, and back to the caller in the {@code X-Request-Id} response header. The caller's own
 * {@code X-Request-Id}, when it is a sane token, is kept beside it (log context and audit entries) so that a portal
 * can correlate; it is never taken for the server's, because a caller may send any id, or the same one twice.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String CLIENT_MDC_KEY = "clientRequestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            MDC.put(CLIENT_MDC_KEY, offered);
        } else {
            MDC.remove(CLIENT_MDC_KEY);
        }
        request.setProperty(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The id the caller sent with the current request, if it was a sane token; otherwise null. */
    public static String client() {
        Object id = MDC.get(CLIENT_MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The current request's id, or null outside a request (job executor, start-up). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
