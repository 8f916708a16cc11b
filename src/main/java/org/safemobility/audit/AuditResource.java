package org.safemobility.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.errors.Invalid;
import org.safemobility.http.Csv;
import org.safemobility.http.PageRequest;

/** The audit trail for admins: search it, export it as CSV, verify that nothing in it was changed or removed. */
@Path("/api/v1/admin/audit")
@Tag(name = "Audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    static final String CSV = Csv.MEDIA_TYPE;

    @Inject
    AuditLog log;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "searchAudit", summary = "Audit entries, newest first; every filter optional",
            description = "Send Accept: text/csv for every matching entry, oldest first, as CSV (at most 100,000; "
                    + "paging applies to JSON only). Searches and exports are audited themselves.")
    @APIResponse(responseCode = "200", description = "A page of entries", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditLog.Page.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response search(
            @Parameter(description = "Only entries about this case") @QueryParam("caseId") UUID caseId,
            @Parameter(description = "Only entries of this actor (token subject, or 'system')") @QueryParam("actor") @Size(max = 255) String actor,
            @Parameter(description = "Only this action, e.g. case.registered") @QueryParam("action") @Size(max = 64) String action,
            @Parameter(description = "From this instant (ISO 8601 with offset), included") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Until this instant (ISO 8601 with offset), excluded") @QueryParam("to") OffsetDateTime to,
            @BeanParam @Valid PageRequest paging,
            @Context HttpHeaders headers) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw Invalid.of("from", "must be before to");
        }
        AuditLog.Filter filter = new AuditLog.Filter(caseId, actor, action,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        if (!Csv.preferred(headers)) {
            return Response.ok(log.search(filter, paging.page(), paging.size()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        log.export(filter, csv);
        return Response.ok(csv.toByteArray(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"smo-audit.csv\"").build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAudit", summary = "Walk the audit trail's hash chain and report the first broken link",
            description = "Recomputes every entry's hash from its content and the hash before it. intact=false names "
                    + "the first entry that was changed, removed or relinked.")
    @APIResponse(responseCode = "200", description = "The result of the walk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditLog.Verification.class)))
    public AuditLog.Verification verify() {
        return log.verify();
    }
}
