package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hibernate.query.NativeQuery;
import org.safemobility.errors.Conflict;

/**
 * The case's process, {@code smo-case}, seen from the application: started in the caller's transaction, one
 * instance per case with the case id as business key. Only routing data goes into process variables; the case's
 * personal data stays in the case tables.
 */
@ApplicationScoped
public class CaseWorkflow {

    /**
     * The case process. A case's instances are asked for by business key (the case id) alone: with the process key too,
     * the engine joins the process definitions and the planner, on stale statistics, read every execution of the
     * process through the definition's index (issue 16); the business key's own index finds the one or two rows.
     */
    public static final String PROCESS_KEY = "smo-case";
    public static final String CASE_ID = "caseId";
    public static final String OFFICE = "office";
    /** Starts {@code review-rescreen} for a closed case that the widened rules now find eligible. */
    public static final String RESCREEN_MESSAGE = "rescreen-eligible";
    /** Interrupts whatever the case is waiting in: the applicant withdrew. */
    public static final String WITHDRAW_MESSAGE = "withdraw";
    /** The pathway the case is being referred to (set when a supervisor approves it, or one is chosen after a decline). */
    public static final String PATHWAY = "pathway";
    /** The referral the case waits on; the partner's decision is correlated with it. */
    public static final String REFERRAL_ID = "referralId";
    /** Set while the referral the case waits on is held (its pathway suspended after it was sent): no partner SLA. */
    public static final String REFERRAL_HELD = "referralHeld";
    /** Releases a case waiting in {@code await-pathway}, with the same pathway or another. */
    public static final String PATHWAY_RELEASED_MESSAGE = "pathway-released";
    /** Ends the case wherever it stands: a programme decision closed it. */
    public static final String CLOSE_MESSAGE = "close-case";
    /** The partner's answer to the referral the case waits on. */
    public static final String PARTNER_DECISION_MESSAGE = "partner-decision";
    public static final String PARTNER_DECISION = "partnerDecision";
    /** Priority of the case's user tasks (task attribute {@code camunda:priority="${priority}"}). */
    /** Opens {@code review-possible-duplicate} beside wherever the case stands. */
    public static final String POSSIBLE_DUPLICATE_MESSAGE = "possible-duplicate";
    /** What {@code review-possible-duplicate} routes on: SAME_PERSON closes the case as a duplicate. */
    public static final String DUPLICATE_DECISION = "duplicateDecision";
    /** Opens {@code accept-transfer} for the receiving office's supervisors, beside wherever the case stands. */
    public static final String TRANSFER_REQUESTED_MESSAGE = "transfer-requested";
    public static final String TRANSFER_TO = "transferTo";

    /**
     * Work that runs beside the case's journey (event sub-processes a message opened): moving the case to another
     * activity leaves it where it is.
     */
    private static final java.util.Set<String> BESIDE_THE_JOURNEY = java.util.Set.of("duplicate-review", "transfer");

    public static final String PRIORITY = "priority";
    public static final int NORMAL_PRIORITY = 50;
    /** Vulnerable applicants' tasks come first in every inbox. */
    public static final int VULNERABLE_PRIORITY = 80;

    @Inject
    RuntimeService runtime;

    @Inject
    EntityManager em;

    @Inject
    HistoryService history;

    @Inject
    RepositoryService repository;

    /** The BPMN XML of the case process version new cases start with, for diagrams. */
    public String model() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        try (InputStream xml = repository.getProcessModel(latest.getId())) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the case's process; runs synchronously up to the first wait state, inside the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String start(UUID caseId, String office) {
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(caseId.toString())
                .setVariables(Map.of(CASE_ID, caseId.toString(), OFFICE, office, PRIORITY, NORMAL_PRIORITY))
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
                .setVariable(PRIORITY, NORMAL_PRIORITY)
                .correlateStartMessage()
                .getId();
    }

    /**
     * Ends every running process of the case through its {@code withdrawal} event sub-process, so the history shows
     * where the case stood; instances of older process versions without it are deleted with the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID caseId, String reason) {
        resume(caseId); // a held case's processes take no message while suspended
        end(caseId, WITHDRAW_MESSAGE, "withdrawn: " + reason);
    }

    /**
     * Ends every running process of the case through its {@code programme-closure} event sub-process (a bulk close),
     * resuming a held case's processes first so that the closure is recorded where the case stood.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(UUID caseId, String reason) {
        resume(caseId);
        end(caseId, CLOSE_MESSAGE, "closed by programme decision: " + reason);
    }

    private void end(UUID caseId, String message, String reason) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseId.toString())
                .correlateAllWithResult();
        for (ProcessInstance left : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).list()) {
            runtime.deleteProcessInstance(left.getId(), reason);
        }
    }

    /**
     * Moves the case to an activity of its process, wherever it stands: what it waits in is cancelled (its tasks end,
     * their deadlines with them) and the process goes on from that activity. A case whose process ended (a closed
     * case) gets a new instance started there.
     *
     * @return the id of the process instance the case now runs in
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String restartAt(UUID caseId, String office, String activity) {
        return restartAt(caseId, office, activity, BESIDE_THE_JOURNEY);
    }

    private String restartAt(UUID caseId, String office, String activity, java.util.Set<String> kept) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).list();
        if (running.isEmpty()) {
            return runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(caseId.toString())
                    .setVariables(Map.of(CASE_ID, caseId.toString(), OFFICE, office, PRIORITY, NORMAL_PRIORITY))
                    .startBeforeActivity(activity).execute().getId();
        }
        ProcessInstance instance = running.get(0);
        for (ProcessInstance other : running.subList(1, running.size())) {
            runtime.deleteProcessInstance(other.getId(), "the case moved to " + activity);
        }
        ActivityInstance root = runtime.getActivityInstance(instance.getId());
        var modification = runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(activity);
        for (ActivityInstance child : root.getChildActivityInstances()) {
            if (!kept.contains(child.getActivityId())) {
                modification.cancelActivityInstance(child.getId());
            }
        }
        for (var transition : root.getChildTransitionInstances()) {
            modification.cancelTransitionInstance(transition.getId());
        }
        modification.execute(false, false); // listeners run: the queues drop the cancelled tasks
        return instance.getId();
    }

    /**
     * Opens a review of likely duplicates in the case's running process (the one registration just started), beside
     * wherever the case stands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewPossibleDuplicate(String processInstanceId) {
        runtime.createMessageCorrelation(POSSIBLE_DUPLICATE_MESSAGE).processInstanceId(processInstanceId).correlateWithResult();
    }

    /**
     * Asks the receiving office's supervisors to accept the case ({@code accept-transfer}), beside wherever the case
     * stands. 409 when no process of the case is running (a closed case) or a transfer is already waiting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestTransfer(UUID caseId, String toOffice) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).active().list();
        if (running.isEmpty()) {
            throw new Conflict("case " + caseId + " has no running workflow (closed or held): it cannot be transferred");
        }
        runtime.createMessageCorrelation(TRANSFER_REQUESTED_MESSAGE).processInstanceId(running.get(0).getId())
                .setVariable(TRANSFER_TO, toOffice).correlateWithResult();
    }

    /**
     * Moves an accepted transfer's case to its new office: every open task at the sending office ends, and the
     * process starts again at the eligibility decision with the receiving office as its office.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String moveToOffice(UUID caseId, String office) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).list()) {
            runtime.setVariable(instance.getId(), OFFICE, office);
        }
        return restartAt(caseId, office, "eligibility", java.util.Set.of());
    }

    /**
     * Holds the case: its running processes are suspended, so none of its tasks can be completed and none of its
     * timers (deadlines, partner SLA) fires until it is resumed.
     *
     * @return how many process instances were suspended (0: nothing was running)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int hold(UUID caseId) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).active().list();
        for (ProcessInstance instance : running) {
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instance.getId()).suspend();
        }
        return running.size();
    }

    /** Resumes a held case's processes where they stood; timers that came due meanwhile fire now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(UUID caseId) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).suspended().list()) {
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instance.getId()).activate();
        }
    }

    /**
     * Releases the case from {@code await-pathway}: with the same pathway when its suspension was lifted, or with
     * another the office chose. The process goes on to send the referral (asynchronously). 409 when the case is not
     * waiting there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releasePathwayHold(UUID caseId, String pathway) {
        try {
            var correlation = runtime.createMessageCorrelation(PATHWAY_RELEASED_MESSAGE)
                    .processInstanceBusinessKey(caseId.toString());
            if (pathway != null) {
                correlation.setVariable(PATHWAY, pathway);
            }
            correlation.correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new Conflict("case " + caseId + " is not waiting on a suspended pathway");
        }
    }

    /**
     * Marks (or unmarks) the referral the case waits on as held, so that the partner's SLA timer escalates nothing
     * while the pathway is suspended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralHeld(UUID caseId, boolean held) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).list()) {
            runtime.setVariable(instance.getId(), REFERRAL_HELD, held);
        }
    }

    /**
     * Delivers the partner's decision to the case waiting on that referral, in the caller's transaction; the process
     * runs on to its next wait state. 409 when the case is not waiting on it (the referral moved on meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void partnerDecided(UUID caseId, String referralId, String decision) {
        try {
            runtime.createMessageCorrelation(PARTNER_DECISION_MESSAGE).processInstanceBusinessKey(caseId.toString())
                    .processInstanceVariableEquals(REFERRAL_ID, referralId)
                    .setVariable(PARTNER_DECISION, decision)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new Conflict("case " + caseId + " is not waiting for a decision on referral " + referralId);
        }
    }

    /**
     * Erases the engine's record of the case: its process instances (a running one is deleted first) with their history
     * (activities, tasks, variables, incidents, job and operation logs), in the caller's transaction.
     *
     * @return how many process instances were removed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseHistory(UUID caseId) {
        List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .list().stream().map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(running, "personal data erased", true, true, true);
        }
        List<String> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).list().stream().map(HistoricProcessInstance::getId).toList();
        if (!instances.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(instances);
        }
        return instances.size();
    }

    /** What happened in the case's processes, oldest first: activities started and ended, and who completed tasks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Step> history(UUID caseId) {
        List<String> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString()).list().stream().map(HistoricProcessInstance::getId).toList();
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, String> completedBy = new HashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId.toString()).list()
                .forEach(t -> completedBy.put(t.getActivityInstanceId(), t.getAssignee()));
        List<Step> steps = new ArrayList<>();
        for (String instance : instances) {
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(instance).list()) {
                if (a.getActivityType().endsWith("Gateway")) {
                    continue; // routing, not something that happened to the case
                }
                steps.add(new Step(a.getStartTime().toInstant(), a.getActivityId(), a.getActivityName(),
                        a.getActivityType(), "started", null));
                if (a.getEndTime() != null) {
                    steps.add(new Step(a.getEndTime().toInstant(), a.getActivityId(), a.getActivityName(),
                            a.getActivityType(), a.isCanceled() ? "cancelled" : "completed", completedBy.get(a.getId())));
                }
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    /** One event of the case's workflow history. */
    public record Step(Instant at, String activity, String name, String type, String event, String completedBy) {
    }

    /**
     * The ids of the activities the case is waiting in, across its running process instances (a closed case that
     * re-screening reopens for review runs a second instance); empty when none is running. Read straight from the
     * engine's execution table: an active execution with an activity is a leaf of the activity-instance tree (a
     * task, a receive task, a step waiting for its job), while scopes (a task with boundary events, a subprocess, the
     * instance itself once it is a scope) are inactive. The engine's own tree (RuntimeService#getActivityInstance)
     * read every execution, job and incident of the instance through MyBatis and built the whole tree for these few
     * ids: half of the case view's cost, which every registration answers with (issue 16). Both gave the same ids
     * for every case view of the whole test suite when run side by side.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> currentActivities(UUID caseId) {
        return em.createNativeQuery("""
                        select distinct e.act_id_ from act_ru_execution p
                          join act_ru_execution e on e.proc_inst_id_ = p.id_
                         where p.business_key_ = ?1 and p.id_ = p.proc_inst_id_ and e.is_active_ and e.act_id_ is not null
                         order by 1""")
                // the engine's table, which no entity maps: nothing of the session needs flushing before it is read
                // (a native query without its tables named flushes the whole session, mid-registration)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("act_ru_execution")
                .setParameter(1, caseId.toString()).getResultList();
    }
}
