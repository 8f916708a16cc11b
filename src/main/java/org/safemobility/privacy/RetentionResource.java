package org.safemobility.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.OfficeScope;
import org.safemobility.access.Roles;

/** The retention job, run now (it also runs daily by itself). */
@Path("/api/v1/admin/retention/runs")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {

    @Inject
    Retention retention;

    @Inject
    OfficeScope scope;

    @POST
    @Operation(operationId = "runRetention", summary = "Erase now what is past its retention",
            description = "What the daily job does (smo.retention.cron): cases closed longer ago than "
                    + "smo.retention.closed-case-personal-data, not under a legal hold, are erased in batches; each "
                    + "erasure is audited as the caller's. One replica at a time: busy=true when another holds the job.")
    @APIResponse(responseCode = "200", description = "What this run erased",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Retention.Run.class)))
    public Retention.Run run() {
        return retention.run(scope.caller().subject());
    }
}
