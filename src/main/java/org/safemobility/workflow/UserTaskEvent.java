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

    /** A task's state as the engine reports it; absent for {@link Kind#CLOSED}. */
    public record UserTask(String taskId, String office, String activity, UUID caseId, String assignee, int priority,
                           Instant created, Instant due) {
    }
}
