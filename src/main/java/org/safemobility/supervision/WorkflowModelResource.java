package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.workflow.CaseWorkflow;

/** The case process as deployed, for the supervisors' diagram. */
@Path("/api/v1/workflows/smo-case")
@Tag(name = "Supervision")
@RolesAllowed(Roles.SUPERVISOR)
public class WorkflowModelResource {

    @Inject
    CaseWorkflow workflow;

    @GET
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getCaseWorkflowModel", summary = "The smo-case process as deployed (BPMN 2.0 XML), for diagrams")
    @APIResponse(responseCode = "200", description = "BPMN XML",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    public String model() {
        return workflow.model();
    }
}
