package org.safemobility.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.LanguageCode;

/** The applicant's copy of their case, made by staff of its office when the applicant asks for it. */
@Path("/api/v1/cases/{id}/export")
@Tag(name = "Privacy")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CaseCopyResource {

    static final String PDF = "application/pdf";

    @Inject
    CaseCopy copies;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @Operation(operationId = "exportCase", summary = "Everything held about the applicant and household",
            description = "The case (people, consent, every decision with its reason, interview, review, links), every "
                    + "consent answer, notes, what was shared with which partner and when, who read the case and "
                    + "everything recorded about it. Accept: application/pdf gives a printable copy in the applicant's "
                    + "preferred language (Spanish or English; other languages get English; lang= overrides); JSON "
                    + "otherwise. Audited as case.exported.")
    @APIResponse(responseCode = "200", description = "The copy", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseCopy.Copy.class)),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "lang is not a language code")
    @APIResponse(responseCode = "404", description = "No such case in the caller's offices")
    public Response export(@PathParam("id") UUID id,
                           @Parameter(description = "Language of the printed copy (es, en); default: the applicant's")
                           @QueryParam("lang") @LanguageCode String lang,
                           @Context HttpHeaders headers) {
        boolean pdf = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(PDF)) && !t.isWildcardType());
        CaseCopy.Copy copy = copies.of(id, lang, pdf ? "pdf" : "json");
        if (!pdf) {
            return Response.ok(copy, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(copies.pdf(copy), PDF)
                .header("Content-Disposition", "attachment; filename=\"" + copy.caseView().caseNumber() + "-"
                        + copy.language() + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
