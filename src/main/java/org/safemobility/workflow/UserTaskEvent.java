package org.safemobility.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A user task of the case process opened, changed (claimed, assigned, re-prioritised) or closed, fired synchronously
 * in the engine's transaction by {@link TaskQueueListener}, so that projections of open work (the supervisors'
 * queues) commit with the change itself.
 */
public record UserTaskEvent(Kind kind, String taskId, UserTask task) {

    public enum Kind {
        OPENED, CHANGED, CLOSED
    }

    /**
     * A task's state as the engine reports it; absent for {@link Kind#CLOSED}.
     *
     * @param candidateGroup the group the task is offered to: the office's code, or {@code <office>-supervisors};
     *                       reported when the task opens, null on later changes (the model never changes it)
     * @param name the task's name as the model gives it
     */
    public record UserTask(String taskId, String office, String activity, String name, String candidateGroup,
                           UUID caseId, String assignee, int priority, Instant created, Instant due) {
    }
}
