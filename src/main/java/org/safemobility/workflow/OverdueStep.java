package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs when a task's non-interrupting boundary timer fires: the task stays where it is, and {@link DeadlineMissed}
 * tells whoever watches deadlines (supervision escalates). The service task names the activity in its input parameter
 * {@code activity}.
 */
@ApplicationScoped
@Named("overdue")
public class OverdueStep implements JavaDelegate {

    static final String ACTIVITY = "activity";

    @Inject
    TaskService tasks;

    @Inject
    Event<DeadlineMissed> missed;

    @Override
    public void execute(DelegateExecution execution) {
        String activity = (String) execution.getVariableLocal(ACTIVITY);
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(activity).singleResult();
        if (task == null) {
            return; // completed in the moment the timer fired
        }
        missed.fire(new DeadlineMissed(UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariable(CaseWorkflow.OFFICE), activity, task.getId(), null));
    }
}
