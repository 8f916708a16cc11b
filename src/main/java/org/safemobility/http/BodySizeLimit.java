package org.safemobility.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses API request bodies over the configured size (64 KiB) with a 413 problem before any of the body is read.
 * A case is a few kilobytes; anything far larger is a mistake or an attack. Bodies sent without Content-Length
 * are cut off by {@code quarkus.http.limits.max-body-size}, set to the same size.
 */
@Singleton
public class BodySizeLimit {

    @ConfigProperty(name = "smo.http.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && rc.request().path().startsWith("/api/") && exceeds(length)) {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problemJson(rc.request().path()));
                return;
            }
            rc.next();
        }, 1000);
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer itself rejects a malformed Content-Length
        }
    }

    private String problemJson(String path) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "request bodies are limited to " + maxBodyBytes + " bytes", path, null, List.of());
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
