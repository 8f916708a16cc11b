package org.safemobility.workflow;

import java.util.Map;
import java.util.UUID;

/**
 * How one activity is completed through the API: the form a caller sends (a record validated with Bean
 * Validation), and what completing it does to the case. Each implementation is a CDI bean; adding an activity's form
 * is adding one bean.
 *
 * @param <F> the form
 */
public interface TaskForm<F> {

    /** The BPMN activity id this form completes, e.g. {@code review-ineligible}. */
    String activity();

    Class<F> type();

    /**
     * Applies the form to the case, in the transaction that completes the task, and returns the process variables
     * the workflow routes on (never personal data). The form arrives valid (Bean Validation, by the inbox).
     */
    Map<String, Object> apply(UUID caseId, F body);

    /**
     * What the form does once its task has completed, in the same transaction: for a change that restarts the
     * workflow the task belongs to (a transfer's move), which cannot happen while the task is being completed.
     */
    default void completed(UUID caseId, F body) {
    }
}
