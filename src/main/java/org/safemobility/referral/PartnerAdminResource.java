package org.safemobility.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;

/** Admins manage the resettlement partners: their pathways, webhook URL and (write-only) webhook secret. */
@Path("/api/v1/admin/partners")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PartnerAdminResource {

    @Inject
    Partners partners;

    @GET
    @Operation(operationId = "listPartners", summary = "All partners")
    @APIResponse(responseCode = "200", description = "The partners", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Partners.PartnerView.class)))
    public List<Partners.PartnerView> list() {
        return partners.list();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartner", summary = "One partner")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Partners.PartnerView.class)))
    @APIResponse(responseCode = "404", description = "No such partner")
    public Partners.PartnerView get(@PathParam("id") String id) {
        return partners.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Add a partner")
    @APIResponse(responseCode = "201", description = "The partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Partners.PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "409", description = "The id exists, or a pathway belongs to another partner")
    public Response create(@NotNull(message = "a JSON body is required") @Valid Partners.PartnerRequest body, UriInfo uri) {
        Partners.PartnerView created = partners.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePartner", summary = "Change a partner (webhookSecret absent keeps the stored one)")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Partners.PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (fields named)")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "409", description = "A pathway belongs to another partner")
    public Partners.PartnerView update(@PathParam("id") String id,
                                       @NotNull(message = "a JSON body is required") @Valid Partners.PartnerRequest body) {
        return partners.update(id, body);
    }
}
