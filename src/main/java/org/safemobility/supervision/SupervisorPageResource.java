package org.safemobility.supervision;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where the supervisors' page ({@code /supervisor/}, static files) signs in. */
@Path("/supervisor/config.json")
public class SupervisorPageResource {

    /** The page signs in with the authorization code flow and PKCE against this provider's public client. */
    public record PageConfig(String authority, String clientId) {
    }

    @ConfigProperty(name = "smo.supervisor-page.oidc.authority")
    String authority;

    @ConfigProperty(name = "smo.supervisor-page.oidc.client-id")
    String clientId;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PageConfig config() {
        return new PageConfig(authority, clientId);
    }
}
