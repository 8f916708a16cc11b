package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.http.PageRequest;
import org.safemobility.screening.TaskView;
import org.safemobility.screening.Tasks;

/** What waits for a supervisor's approval: override requests and pathway reviews of their offices. */
@Path("/api/v1/approvals")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class ApprovalResource {

    @Inject
    Tasks tasks;

    @GET
    @Operation(operationId = "listApprovals", summary = "approve-override and supervisor-review tasks of the caller's offices")
    @APIResponse(responseCode = "200", description = "A page of tasks (claim and complete them through /api/v1/tasks)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.Page.class)))
    public TaskView.Page list(
            @BeanParam @Valid PageRequest paging) {
        return tasks.approvals(paging.page(), paging.size());
    }
}
