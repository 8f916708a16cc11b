package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.safemobility.access.Caller;
import org.safemobility.errors.Conflict;

/**
 * The user tasks of the case process, as staff see them. Who may see and work a task is the engine's answer: its
 * candidate groups (the office, or the office's supervisors) and its assignee.
 */
@ApplicationScoped
public class CaseTasks {

    /** A user task with the case it belongs to. */
    public record WorkItem(String id, String activity, String name, String caseId, String assignee, Instant created,
                           Instant due, int priority) {
    }

    /**
     * A page of work items and how many there are in all, counted up to 10,000 (http.CountedTotal): past it the total
     * says 10,000 and {@code totalCapped} is true (an inbox shows "10,000+").
     */
    public record Page(List<WorkItem> items, long total, boolean totalCapped) {
    }

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    OpenTaskIndex openTasks;

    /** The task, if the caller may see it: it is offered to one of their groups, whoever holds it. */
    public Optional<WorkItem> visible(String taskId, Set<String> groups) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Task task = visibleTo(tasks.createTaskQuery().taskId(taskId), groups).singleResult();
        return Optional.ofNullable(task).map(t -> toWorkItems(List.of(t)).get(0));
    }

    /**
     * How an inbox narrows the tasks of the caller's groups; null fields do not narrow.
     *
     * @param assignee only tasks held by this user
     * @param unassigned only tasks nobody holds
     * @param overdue only tasks past (true) or not past (false) their due date at {@code now}
     */
    public record Filter(List<String> activities, String caseId, String assignee, boolean unassigned, Boolean overdue,
                         Instant now) {
    }

    /**
     * Tasks of the caller's groups, highest priority first, then the earliest due (tasks without one last), then the
     * oldest; read from the open-task projection, not the engine's task query.
     */
    public Page list(Set<String> groups, Filter filter, int page, int size) {
        if (groups.isEmpty()) {
            return new Page(List.of(), 0, false);
        }
        return openTasks.list(groups, filter, page, size);
    }

    /** 409 naming the holder when someone else has it; claiming one's own task again is harmless. */
    public void claim(String taskId, String user) {
        try {
            tasks.claim(taskId, user);
        } catch (TaskAlreadyClaimedException e) {
            if (!user.equals(e.getTaskAssignee())) {
                throw new Conflict("the task is already claimed by " + e.getTaskAssignee());
            }
        } catch (OptimisticLockingException e) {
            throw new Conflict("the task was claimed by someone else at the same moment");
        }
    }

    public void unclaim(String taskId) {
        tasks.setAssignee(taskId, null);
    }

    /**
     * Every open user task of the case process, page by page, as the queue listener would have reported it: for the
     * queues' backfill of tasks created before the listener existed.
     */
    public void forEachOpenTask(int pageSize, java.util.function.Consumer<List<UserTaskEvent.UserTask>> page) {
        for (int first = 0; ; first += pageSize) {
            List<Task> found = tasks.createTaskQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY).orderByTaskId().asc()
                    .listPage(first, pageSize);
            if (found.isEmpty()) {
                return;
            }
            Set<String> instances = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
            Map<String, String> caseIds = runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                    .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
            // the case's office (on the process instance), unless a task names its own (accept-transfer's input
            // mapping, on the task's execution)
            List<VariableInstance> officeVariables = runtime.createVariableInstanceQuery()
                    .processInstanceIdIn(instances.toArray(String[]::new)).variableName(CaseWorkflow.OFFICE).list();
            Map<String, Object> offices = new java.util.HashMap<>();
            for (VariableInstance v : officeVariables) {
                offices.putIfAbsent(v.getExecutionId(), v.getValue());
            }
            page.accept(found.stream().map(t -> new UserTaskEvent.UserTask(t.getId(),
                    (String) offices.getOrDefault(t.getExecutionId(), offices.get(t.getProcessInstanceId())),
                    t.getTaskDefinitionKey(), t.getName(),
                    TaskQueueListener.candidateGroup(tasks.getIdentityLinksForTask(t.getId())),
                    UUID.fromString(caseIds.get(t.getProcessInstanceId())), t.getAssignee(), t.getPriority(),
                    instant(t.getCreateTime()), instant(t.getDueDate()))).toList());
            if (found.size() < pageSize) {
                return;
            }
        }
    }

    /** Whether the task is offered to an office's supervisors (group {@code <office>-supervisors}). */
    public boolean isForSupervisors(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> link.getGroupId() != null && link.getGroupId().endsWith(Caller.SUPERVISORS));
    }

    /**
     * The office whose staff work the task: the case's, or the one a task names for itself (a transfer's receiving
     * office, as the task's own {@code office} variable).
     */
    public String officeOf(String taskId) {
        return (String) tasks.getVariable(taskId, CaseWorkflow.OFFICE);
    }

    /** A supervisor's assignment: replaces whoever held the task. */
    public void assign(String taskId, String user) {
        try {
            tasks.setAssignee(taskId, user);
        } catch (OptimisticLockingException e) {
            throw new Conflict("the task changed while it was being assigned; reload it");
        }
    }

    /** Completes the task with the routing variables its outgoing gateways need. */
    public void complete(String taskId, Map<String, Object> routing) {
        try {
            tasks.complete(taskId, routing);
        } catch (OptimisticLockingException e) {
            throw new Conflict("the task changed while it was being completed; reload it");
        }
    }

    /**
     * Every task of the case process has the candidate group of its office (and role), so the caller's groups decide
     * what they see; a task claimed by a colleague stays visible (to see who holds it), not workable.
     */
    private static TaskQuery visibleTo(TaskQuery query, Set<String> groups) {
        return query.taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks();
    }

    private List<WorkItem> toWorkItems(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> caseIds = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return found.stream().map(t -> new WorkItem(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                caseIds.get(t.getProcessInstanceId()), t.getAssignee(), instant(t.getCreateTime()), instant(t.getDueDate()),
                t.getPriority())).toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
