package org.safemobility.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.audit.AuditTrail;
import org.safemobility.crypto.Reencryption;

/** Re-sealing the stored sensitive fields with the primary key (after a rotation), in resumable steps. */
@Path("/api/v1/admin/encryption/reencryption")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class EncryptionResource {

    @Inject
    Reencryption reencryption;

    @Inject
    AuditTrail audit;

    @POST
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NEVER)
    @Operation(operationId = "reencrypt", summary = "Re-seal stored fields with the primary key, a step at a time",
            description = "Re-reads the keysets (a rotated Secret takes effect on this replica at once), then re-seals, "
                    + "table by table, every value not sealed with the primary key (and plain values from before "
                    + "encryption) and recomputes blind indexes, one short transaction per batch while the service "
                    + "runs. Stops after about seconds; call again with after=next until done. scripts/reencrypt.sh "
                    + "does the loop.")
    @APIResponse(responseCode = "200", description = "How far it got",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reencryption.Progress.class)))
    @APIResponse(responseCode = "400", description = "after is not a position this command gave")
    public Reencryption.Progress step(@QueryParam("after") String after,
                                      @QueryParam("batchSize") @DefaultValue("500") @Min(1) @Max(5000) int batchSize,
                                      @QueryParam("seconds") @DefaultValue("10") @Min(1) @Max(120) int seconds) {
        Reencryption.Progress progress = reencryption.run(after, batchSize, Duration.ofSeconds(seconds));
        if (progress.done()) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> audit.record("encryption.resealed", null,
                    null, java.util.Map.of("primaryKeyId", progress.primaryKeyId())));
        }
        return progress;
    }
}
