package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The case's process, {@code smo-case}, seen from the application: started in the caller's transaction, one
 * instance per case with the case id as business key. Only routing data goes into process variables; the case's
 * personal data stays in the case tables.
 */
@ApplicationScoped
public class CaseWorkflow {

    public static final String PROCESS_KEY = "smo-case";
    public static final String CASE_ID = "caseId";
    public static final String OFFICE = "office";
    /** Starts {@code review-rescreen} for a closed case that the widened rules now find eligible. */
    public static final String RESCREEN_MESSAGE = "rescreen-eligible";

    @Inject
    RuntimeService runtime;

    /** Starts the case's process; runs synchronously up to the first wait state, inside the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String start(UUID caseId, String office) {
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(caseId.toString())
                .setVariables(Map.of(CASE_ID, caseId.toString(), OFFICE, office))
                .execute()
                .getId();
    }

    /** Opens {@code review-rescreen} for a closed case, in a new instance of the case's process. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String startRescreenReview(UUID caseId, String office) {
        return runtime.createMessageCorrelation(RESCREEN_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariable(CASE_ID, caseId.toString())
                .setVariable(OFFICE, office)
                .correlateStartMessage()
                .getId();
    }

    /**
     * The ids of the activities the case is waiting in, across its running process instances (a closed case that
     * re-screening reopens for review runs a second instance); empty when none is running.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> currentActivities(UUID caseId) {
        List<String> activities = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString(), PROCESS_KEY).list()) {
            ActivityInstance root = runtime.getActivityInstance(instance.getId());
            if (root != null) {
                collectLeaves(root, activities);
            }
        }
        return activities.stream().distinct().sorted().toList();
    }

    private static void collectLeaves(ActivityInstance instance, List<String> into) {
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
            if (instance.getParentActivityInstanceId() != null) {
                into.add(instance.getActivityId());
            }
            return;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, into);
        }
        for (var transition : instance.getChildTransitionInstances()) {
            into.add(transition.getActivityId());
        }
    }
}
