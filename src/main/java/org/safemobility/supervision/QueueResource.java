package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;
import org.safemobility.errors.Invalid;
import org.safemobility.http.PageRequest;

/** Work queues of the supervisor's offices: per activity, how much is open, unassigned, overdue, and how old. */
@Path("/api/v1/queues")
@Tag(name = "Supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class QueueResource {

    @Inject
    TaskQueues queues;

    @GET
    @Operation(operationId = "listQueues", summary = "Open work per office and activity")
    @APIResponse(responseCode = "200", description = "The queues",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskQueues.Queues.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public TaskQueues.Queues list(
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office) {
        return queues.queues(office);
    }

    @GET
    @Path("/{activity}/tasks")
    @Operation(operationId = "listQueueTasks", summary = "One activity's open tasks, oldest first, with case numbers and assignees")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskQueues.QueueTaskPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public TaskQueues.QueueTaskPage tasks(
            @PathParam("activity") String activity,
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @Parameter(description = "true: only tasks nobody holds; false: only held ones",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("unassigned") Boolean unassigned,
            @Parameter(description = "true: only tasks past their due date; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") Boolean overdue,
            @BeanParam @Valid PageRequest paging) {
        if (!activity.matches("[a-z][a-z0-9-]{0,63}")) {
            throw Invalid.of("activity", "must be an activity id such as schedule-interview");
        }
        return queues.tasks(activity, office,
                unassigned, overdue, paging.page(), paging.size());
    }
}
