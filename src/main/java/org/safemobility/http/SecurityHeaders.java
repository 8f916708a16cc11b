package org.safemobility.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser security headers. Every response of the API port says: do not sniff content types, send no referrer,
 * never frame this. The supervisors' page also gets a Content-Security-Policy that runs only the page's own script
 * files (no inline script, no eval) and lets it talk only to this service and the OIDC provider it signs in with.
 * Styles may be inline because the diagram library sets them on the SVG it draws.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String SUPERVISOR_PAGE = "/supervisor/";

    @ConfigProperty(name = "smo.supervisor-page.oidc.authority")
    String authority;

    void install(@Observes Router router) {
        String policy = policy(origin(authority));
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            if (context.normalizedPath().startsWith(SUPERVISOR_PAGE)) {
                headers.set("Content-Security-Policy", policy);
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            }
            context.next();
        });
    }

    static String policy(String provider) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + provider,
                "frame-src " + provider,
                "form-action 'self' " + provider,
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'");
    }

    /** The scheme, host and port of the provider's URL: CSP sources match origins, and the provider's paths vary. */
    static String origin(String url) {
        URI uri = URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
