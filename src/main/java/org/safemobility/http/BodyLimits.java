package org.safemobility.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** How large a request body may be: one limit for the API, and larger ones for a few uploads, by path prefix. */
@ConfigMapping(prefix = "smo.http")
public interface BodyLimits {

    /** The default limit, in bytes. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Path prefix (e.g. {@code /api/v1/admin/eligibility-rules}) to its own limit in bytes. */
    Map<String, Long> maxBodyBytesByPath();

    default long limitFor(String path) {
        return maxBodyBytesByPath().entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .mapToLong(Map.Entry::getValue).max().orElse(maxBodyBytes());
    }
}
