package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.safemobility.supervision.TaskQueues;

/**
 * Task listener on every user task of {@code smo-case} ({@code ${taskQueue}} on create, assignment, update, complete
 * and delete): keeps the supervisors' queue table in step with the engine, in the transaction of the change.
 */
@ApplicationScoped
@Named("taskQueue")
public class TaskQueueListener implements TaskListener {

    @Inject
    TaskQueues queues;

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> queues.opened(state(task));
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> queues.changed(state(task));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> queues.closed(task.getId());
            default -> { }
        }
    }

    private static TaskQueues.TaskState state(DelegateTask task) {
        return new TaskQueues.TaskState(task.getId(), (String) task.getVariable(CaseWorkflow.OFFICE),
                task.getTaskDefinitionKey(), UUID.fromString(task.getExecution().getProcessBusinessKey()), task.getAssignee(),
                task.getPriority(), instant(task.getCreateTime()), instant(task.getDueDate()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
