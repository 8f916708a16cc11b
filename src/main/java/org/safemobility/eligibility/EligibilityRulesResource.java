package org.safemobility.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.errors.NotFound;

/** Versions of the eligibility rules, managed by admins. */
@Path("/api/v1/admin/eligibility-rules")
@Tag(name = "Eligibility rules")
@RolesAllowed(Roles.ADMIN)
public class EligibilityRulesResource {

    @Inject
    RuleVersions versions;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEligibilityRuleVersions", summary = "Versions of the eligibility rules, newest first")
    @APIResponse(responseCode = "200", description = "The versions and which is in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleVersionView.Listing.class)))
    public RuleVersionView.Listing list() {
        return versions.list();
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadEligibilityRules", summary = "Upload a new version of the eligibility rules (DMN)",
            description = "The file is parsed and checked (decision smo-eligibility, its inputs and outputs, one "
                    + "well-formed answer for sample applicants at every office) before it is deployed and comes into "
                    + "force. A broken file is refused with the parser's message; the version in force stays.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Deployed and in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleVersionView.class)))
    @APIResponse(responseCode = "400", description = "Not valid DMN, or not the expected decision; nothing changed")
    @APIResponse(responseCode = "413", description = "File over 512 KiB")
    public Response upload(byte[] body,
            @Parameter(description = "Name of the file, kept with the version")
            @QueryParam("fileName") @Pattern(regexp = "[A-Za-z0-9._-]{1,100}\\.dmn", message = "must be a file name ending in .dmn") String fileName,
            @Parameter(description = "Why this version (e.g. the announcement it implements)")
            @QueryParam("comment") @Size(max = 500) String comment,
            UriInfo uri) {
        RuleVersionView created = versions.upload(body, fileName, comment);
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(created.version())).path("dmn").build())
                .type(MediaType.APPLICATION_JSON).entity(created).build();
    }

    @GET
    @Path("/{version}/dmn")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "downloadEligibilityRules", summary = "The DMN file of one version")
    @APIResponse(responseCode = "200", description = "The DMN file",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such version")
    public byte[] download(@PathParam("version") int version) {
        return versions.file(version).orElseThrow(() -> new NotFound("no version " + version + " of the eligibility rules"));
    }
}
