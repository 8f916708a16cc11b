package org.safemobility.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safemobility.access.Caller;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeScope;
import org.safemobility.access.Roles;
import org.safemobility.access.StaffDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotFound;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;
import org.safemobility.workflow.CaseTasks.WorkItem;
import org.safemobility.workflow.CaseTasks;
import org.safemobility.workflow.TaskForm;

/**
 * The inbox: the tasks a caller may work, claiming them, and completing them with the activity's form. A task
 * outside the caller's groups does not exist for them (404). Completing writes the form into the case, moves the
 * workflow and records the audit entry in one transaction.
 */
@ApplicationScoped
public class Tasks {

    @Inject
    CaseTasks engine;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CaseQueries cases;

    @Inject
    AuditTrail audit;

    @Inject
    OfficeScope scope;

    @Inject
    Clock clock;

    @Inject
    StaffDirectory staff;

    @Inject
    TaskForms forms;

    /** Whose tasks an inbox shows. */
    public enum Holder {
        ME, UNASSIGNED, ANY
    }

    /** The caller's inbox, narrowed as asked; {@code office} must be one of the caller's (403 otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView.Page list(String activity, Holder holder, String office, Boolean overdue, UUID caseId, int page,
                              int size) {
        Caller caller = currentCaller.get();
        Set<String> groups = caller.groups();
        if (office != null) {
            String only = scope.officeToActIn(office, "office").code();
            groups = groups.stream().filter(g -> g.equals(only) || g.equals(only + Caller.SUPERVISORS))
                    .collect(Collectors.toSet());
        }
        var filter = new CaseTasks.Filter(activity == null ? List.of() : List.of(activity), caseId == null ? null : caseId.toString(),
                holder == Holder.ME ? caller.subject() : null, holder == Holder.UNASSIGNED, overdue, clock.instant());
        CaseTasks.Page found = engine.list(groups, filter, page, size);
        return new TaskView.Page(views(found.items()), found.total(), found.totalCapped(), page, size);
    }

    /** Approvals waiting for a supervisor: overrides and pathway reviews of their offices, highest priority first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView.Page approvals(int page, int size) {
        Caller caller = currentCaller.get();
        Set<String> supervisorGroups = caller.groups().stream().filter(g -> g.endsWith(Caller.SUPERVISORS))
                .collect(Collectors.toSet());
        var filter = new CaseTasks.Filter(APPROVALS, null, null, false, null, clock.instant());
        CaseTasks.Page found = engine.list(supervisorGroups, filter, page, size);
        return new TaskView.Page(views(found.items()), found.total(), found.totalCapped(), page, size);
    }

    /** The activities where a supervisor approves (a transfer: one of the receiving office's). */
    static final List<String> APPROVALS = List.of("approve-override", "supervisor-review", "accept-transfer");

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView get(String taskId) {
        return views(List.of(visible(taskId))).get(0);
    }

    @Transactional
    public TaskView claim(String taskId) {
        WorkItem task = visible(taskId);
        engine.claim(taskId, currentCaller.get().subject());
        record("task.claimed", task);
        return get(taskId);
    }

    @Transactional
    public TaskView unclaim(String taskId) {
        WorkItem task = visible(taskId);
        String me = currentCaller.get().subject();
        if (task.assignee() != null && !task.assignee().equals(me)) {
            throw new Conflict("the task is held by " + task.assignee() + "; only they can release it");
        }
        engine.unclaim(taskId);
        record("task.released", task);
        return get(taskId);
    }

    /**
     * A supervisor gives a task of their office to a colleague: someone the service has seen working for the task's
     * office (400 otherwise), and a supervisor if the task is for supervisors.
     */
    @Transactional
    public TaskView assign(String taskId, String assignee) {
        WorkItem task = visible(taskId);
        String office = engine.officeOf(taskId);
        StaffDirectory.Member member = staff.find(assignee).orElseThrow(() -> Invalid.of("assignee",
                "no member of staff " + assignee + " is known (staff become known when they first sign in)"));
        if (!member.worksFor(office)) {
            throw Invalid.of("assignee", member.username() + " does not work for office " + office);
        }
        if (!member.roles().contains(Roles.SUPERVISOR) && engine.isForSupervisors(taskId)) {
            throw Invalid.of("assignee", task.activity() + " is for supervisors; " + member.username() + " is not one");
        }
        engine.assign(taskId, member.subject());
        Map<String, Object> handOver = new LinkedHashMap<>();
        handOver.put("from", task.assignee());
        handOver.put("to", member.subject());
        record("task.assigned", task, handOver);
        return get(taskId);
    }

    /** Completes a task the caller holds with the form of its activity. */
    @Transactional
    public void complete(String taskId, JsonNode body) throws JsonProcessingException {
        WorkItem task = visible(taskId);
        String me = currentCaller.get().subject();
        if (task.assignee() == null) {
            throw new Conflict("claim the task before completing it");
        }
        if (!task.assignee().equals(me)) {
            throw new Conflict("the task is held by " + task.assignee());
        }
        TaskForm<?> form = forms.of(task.activity()).orElseThrow(() ->
                new Conflict("activity " + task.activity() + " cannot be completed through the API yet"));
        completeWith(form, task, body);
    }

    /** Applies the form, completes the task, records it, and lets the form finish what must follow the completion. */
    private <F> void completeWith(TaskForm<F> form, WorkItem task, JsonNode body) throws JsonProcessingException {
        UUID caseId = UUID.fromString(task.caseId());
        F read = forms.read(form, body);
        engine.complete(task.id(), forms.apply(form, caseId, read));
        record("task.completed", task);
        form.completed(caseId, read);
    }

    private WorkItem visible(String taskId) {
        Caller caller = currentCaller.get();
        return engine.visible(taskId, caller.groups())
                .orElseThrow(() -> new NotFound("task " + taskId + " not found"));
    }

    private List<TaskView> views(List<WorkItem> items) {
        Map<UUID, CaseReference> references = cases.references(items.stream().map(i -> UUID.fromString(i.caseId()))
                .collect(Collectors.toSet()));
        return items.stream().map(i -> {
            UUID caseId = UUID.fromString(i.caseId());
            CaseReference ref = references.get(caseId);
            return new TaskView(i.id(), i.activity(), i.name(), caseId, ref == null ? null : ref.caseNumber(),
                    ref == null ? null : ref.office(), i.assignee(), i.created(), i.due(), i.priority());
        }).toList();
    }

    private void record(String action, WorkItem task) {
        record(action, task, Map.of());
    }

    private void record(String action, WorkItem task, Map<String, Object> more) {
        UUID caseId = UUID.fromString(task.caseId());
        CaseReference ref = cases.reference(caseId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.id());
        details.put("activity", task.activity());
        details.putAll(more);
        audit.record(action, ref == null ? null : ref.office(), caseId, details);
    }
}
