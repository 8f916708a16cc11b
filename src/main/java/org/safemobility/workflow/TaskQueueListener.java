package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Task listener on every user task of {@code smo-case} ({@code ${taskQueue}} on create, assignment, update, complete
 * and delete): announces each change as a {@link UserTaskEvent} in the transaction of the change, so that the
 * supervisors' queue table stays in step with the engine.
 */
@ApplicationScoped
@Named("taskQueue")
public class TaskQueueListener implements TaskListener {

    @Inject
    Event<UserTaskEvent> events;

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE ->
                    events.fire(new UserTaskEvent(UserTaskEvent.Kind.OPENED, task.getId(), state(task, true)));
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE ->
                    events.fire(new UserTaskEvent(UserTaskEvent.Kind.CHANGED, task.getId(), state(task, false)));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE ->
                    events.fire(new UserTaskEvent(UserTaskEvent.Kind.CLOSED, task.getId(), null));
            default -> { }
        }
    }

    /**
     * The task as it stands; its candidate group only when it opens (the model never changes it, and reading it on a
     * claim would cost the claim a query of the identity links; on creation the engine has just loaded them).
     */
    private static UserTaskEvent.UserTask state(DelegateTask task, boolean opening) {
        return new UserTaskEvent.UserTask(task.getId(), (String) task.getVariable(CaseWorkflow.OFFICE),
                task.getTaskDefinitionKey(), task.getName(), opening ? candidateGroup(task.getCandidates()) : null,
                UUID.fromString(task.getExecution().getProcessBusinessKey()), task.getAssignee(), task.getPriority(),
                instant(task.getCreateTime()), instant(task.getDueDate()));
    }

    /** The one group a case task is offered to (the model gives each exactly one: CandidateGroupsTest). */
    static String candidateGroup(java.util.Collection<? extends IdentityLink> links) {
        return links.stream().map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).sorted().findFirst()
                .orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
