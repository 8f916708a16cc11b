package org.safemobility.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request lines the API never needs before any resource sees them: a NUL anywhere in the path or query
 * ({@code %00}; PostgreSQL refuses it in text, and no id or filter holds one) and request targets over
 * {@value #MAX_TARGET} characters (the transport lets lines up to {@code quarkus.http.limits.max-initial-line-length}
 * through so that this answer is a problem, not a bare 414).
 */
public class RequestLine {

    static final int MAX_TARGET = 8192;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String target = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? "" : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        if (target.length() > MAX_TARGET) {
            throw new ApiException(ProblemType.URI_TOO_LONG, "the request target is " + target.length()
                    + " characters long; at most " + MAX_TARGET + " are accepted", List.of());
        }
        if (target.toLowerCase(Locale.ROOT).contains("%00") || target.indexOf('\0') >= 0) {
            throw ApiException.invalid("url", "must not contain NUL characters (%00)");
        }
    }
}
