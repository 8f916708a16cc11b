package org.safemobility.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;
import org.safemobility.http.PageRequest;

/** The inbox of caseworkers and supervisors: tasks of their offices' cases. */
@Path("/api/v1/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class TaskResource {

    @Inject
    Tasks tasks;

    @GET
    @Operation(operationId = "listTasks", summary = "Tasks the caller may work, highest priority first, then oldest")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.Page.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public TaskView.Page list(
            @Parameter(description = "Only this activity, e.g. schedule-interview") @QueryParam("activity")
            @Pattern(regexp = "[a-z][a-z0-9-]{0,63}", message = "must be an activity id such as review-ineligible") String activity,
            @Parameter(description = "me: held by the caller; unassigned: held by nobody; any (default)",
                    schema = @Schema(enumeration = {"me", "unassigned", "any"}, defaultValue = "any"))
            @QueryParam("assignee")
            @Pattern(regexp = "(?i)me|unassigned|any", message = "must be one of me, unassigned, any") String assignee,
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @Parameter(description = "true: only tasks past their due date; false: only those not past it",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "Only tasks of this case") @QueryParam("caseId") UUID caseId,
            @BeanParam @Valid PageRequest paging) {
        Tasks.Holder holder = assignee == null || assignee.isBlank() ? Tasks.Holder.ANY
                : Tasks.Holder.valueOf(assignee.trim().toUpperCase(Locale.ROOT));
        return tasks.list(activity, holder, office, overdue, caseId, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "One task the caller may work")
    @APIResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task for the caller")
    public TaskView get(@PathParam("id") String id) {
        return tasks.get(id);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(operationId = "claimTask", summary = "Take a task; 409 naming the holder if someone else has it")
    @APIResponse(responseCode = "200", description = "Claimed by the caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task for the caller")
    @APIResponse(responseCode = "409", description = "Held by someone else")
    public TaskView claim(@PathParam("id") String id) {
        return tasks.claim(id);
    }

    @POST
    @Path("/{id}/unclaim")
    @Operation(operationId = "unclaimTask", summary = "Give a task back to the office")
    @APIResponse(responseCode = "200", description = "Unassigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task for the caller")
    @APIResponse(responseCode = "409", description = "Held by someone else")
    public TaskView unclaim(@PathParam("id") String id) {
        return tasks.unclaim(id);
    }

    /** Who a supervisor gives the task to: a subject or username of staff of the task's office. */
    @Schema(name = "Assignment")
    public record Assignment(@NotBlank @Size(max = 255) @Schema(example = "caseworker.gt") String assignee) {
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "assignTask", summary = "Give a task of the supervisor's office to a colleague of that office")
    @APIResponse(responseCode = "200", description = "Assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "Unknown user, not of the task's office, or not a supervisor for a supervisor's task")
    @APIResponse(responseCode = "404", description = "No such task for the caller")
    public TaskView assign(@PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid Assignment body) {
        return tasks.assign(id, body.assignee().strip());
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeTask", summary = "Complete a task the caller holds, with its activity's form",
            description = "Forms: schedule-interview → ScheduleInterviewForm; conduct-interview → ConductInterviewForm; "
                    + "supervisor-review → SupervisorReviewForm; review-ineligible → ReviewRefusalForm; "
                    + "approve-override → OverrideApprovalForm; review-rescreen → RescreeningReviewForm; "
                    + "choose-next-pathway → ChooseNextPathwayForm; answer-partner-query → AnswerPartnerQueryForm.")
    @APIResponse(responseCode = "204", description = "Completed; the case and its workflow moved on")
    @APIResponse(responseCode = "400", description = "The form is invalid (fields named)")
    @APIResponse(responseCode = "404", description = "No such task for the caller (or already completed)")
    @APIResponse(responseCode = "409", description = "Not claimed by the caller, or the case moved on")
    public Response complete(@PathParam("id") String id, JsonNode body) throws JsonProcessingException {
        tasks.complete(id, body);
        return Response.noContent().build();
    }
}
