package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The {@code smo-case} model on its own, in an in-memory engine: every path through it, fast, independent of the
 * service. The eligibility step is stood in for by a delegate that answers what the test says; the service's real
 * step (DMN + case) is tested through the API.
 */
@Deployment(resources = "workflows/smo-case.bpmn")
class CaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(inMemoryEngine()).build();

    static ProcessEngine inMemoryEngine() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:smo-case-process;DB_CLOSE_DELAY=-1");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    /** The default deadlines: five, ten and three days for screening, five for the office after a partner's answer. */
    public static class FixedDeadlines {
        private static final Map<String, Duration> DUE = Map.of("schedule-interview", Duration.ofDays(5),
                "conduct-interview", Duration.ofDays(10), "supervisor-review", Duration.ofDays(3),
                "choose-next-pathway", Duration.ofDays(5), "answer-partner-query", Duration.ofDays(5),
                "await-partner-decision", Duration.ofDays(30));

        public Map<String, String> getDurations() {
            Map<String, String> durations = new HashMap<>();
            DUE.forEach((activity, duration) -> durations.put(activity, duration.toString()));
            return durations;
        }

        public Map<String, Date> getDueDates() {
            Map<String, Date> dates = new HashMap<>();
            DUE.forEach((activity, duration) -> dates.put(activity, Date.from(Instant.now().plus(duration))));
            return dates;
        }
    }

    private final List<String> escalated = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> queueEvents = new ArrayList<>();

    @BeforeEach
    void registerStandIns() {
        Mocks.register("deadlines", new FixedDeadlines());
        Mocks.register("overdue", (JavaDelegate) execution -> escalated.add((String) execution.getVariableLocal("activity")));
        Mocks.register("partnerDecisionOverdue", (JavaDelegate) execution -> escalated.add("partner:" + execution.getVariable(CaseWorkflow.REFERRAL_ID)));
        Mocks.register("taskQueue", (TaskListener) task -> queueEvents.add(task.getEventName() + ":" + task.getTaskDefinitionKey()));
        Mocks.register("sendReferral", (JavaDelegate) execution -> {
            sent.add((String) execution.getVariable(CaseWorkflow.PATHWAY));
            execution.setVariable(CaseWorkflow.REFERRAL_ID, "referral-" + sent.size());
        });
    }

    @AfterEach
    void forgetDelegates() {
        Mocks.reset();
    }

    private ProcessInstance registerCase(String office, boolean eligible) {
        Mocks.register("eligibilityDecision", (JavaDelegate) execution -> execution.setVariable("eligible", eligible));
        return engine.getRuntimeService().startProcessInstanceByKey(CaseWorkflow.PROCESS_KEY, "case-1",
                Map.of(CaseWorkflow.CASE_ID, "case-1", CaseWorkflow.OFFICE, office, CaseWorkflow.PRIORITY, 50));
    }

    private ProcessInstance interviewed(String office, int priority) {
        ProcessInstance instance = registerCase(office, true);
        complete(task(instance));
        complete(task(instance), withVariables(CaseWorkflow.PRIORITY, priority));
        return instance;
    }

    @Test
    void an_eligible_case_waits_for_its_office_to_schedule_an_interview() {
        ProcessInstance instance = registerCase("CR", true);
        assertThat(instance).hasPassedInOrder("case-registered", "eligibility", "is-eligible", "to-interview")
                .isWaitingAt("schedule-interview");
        assertThat(task()).hasCandidateGroup("CR").isNotAssigned();
    }

    @Test
    void the_interview_task_is_due_in_five_days_with_normal_priority_and_an_overdue_timer() {
        ProcessInstance instance = registerCase("GT", true);
        assertThat(task(instance).getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(5))), 60_000);
        assertThat(task(instance).getPriority()).isEqualTo(50);
        assertThat(job("schedule-interview-overdue")).isNotNull();
        assertThat(instance).isWaitingAt("schedule-interview");
    }

    @Test
    void an_overdue_task_is_escalated_and_stays_open() {
        ProcessInstance instance = registerCase("GT", true);
        engine.getManagementService().executeJob(jobOf(instance).getId());
        assertThat(escalated).containsExactly("schedule-interview");
        assertThat(instance).hasPassed("escalate-schedule-interview", "schedule-interview-escalated")
                .isWaitingAt("schedule-interview");
    }

    @Test
    void a_scheduled_interview_is_conducted_then_reviewed_by_a_supervisor_of_the_office() {
        ProcessInstance instance = registerCase("GT", true);
        complete(task(instance));
        assertThat(instance).isWaitingAt("conduct-interview");
        assertThat(task(instance)).hasCandidateGroup("GT");
        assertThat(task(instance).getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(10))), 60_000);
        complete(task(instance), withVariables(CaseWorkflow.PRIORITY, 50));
        assertThat(instance).isWaitingAt("supervisor-review");
        assertThat(task(instance)).hasCandidateGroup("GT-supervisors");
        assertThat(task(instance).getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(3))), 60_000);
    }

    /** Approved for the pathway; the asynchronous send-referral step has run, as the job executor would. */
    private ProcessInstance referred(String office, String pathway) {
        ProcessInstance instance = interviewed(office, 50);
        complete(task(instance), withVariables("supervisorDecision", "APPROVE", CaseWorkflow.PATHWAY, pathway));
        assertThat(instance).isWaitingAt("send-referral");
        runSendReferral(instance);
        return instance;
    }

    private void runSendReferral(ProcessInstance instance) {
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId("send-referral").singleResult().getId());
    }

    private void partnerDecides(String decision) {
        engine.getRuntimeService().createMessageCorrelation(CaseWorkflow.PARTNER_DECISION_MESSAGE)
                .processInstanceBusinessKey("case-1").processInstanceVariableEquals(CaseWorkflow.REFERRAL_ID, "referral-" + sent.size())
                .setVariable(CaseWorkflow.PARTNER_DECISION, decision).correlateWithResult();
    }

    @Test
    void an_approved_pathway_is_referred_asynchronously_and_waits_for_the_partner() {
        ProcessInstance instance = interviewed("CO", 50);
        complete(task(instance), withVariables("supervisorDecision", "APPROVE", CaseWorkflow.PATHWAY, "CANADA"));
        assertThat(instance).as("the approval commits before the referral is built").isWaitingAt("send-referral");
        assertThat(sent).isEmpty();
        runSendReferral(instance);
        assertThat(sent).containsExactly("CANADA");
        assertThat(instance).hasPassedInOrder("schedule-interview", "conduct-interview", "supervisor-review",
                "send-referral").isWaitingAt("await-partner-decision");
        assertThat(job("partner-decision-overdue")).as("the partner's SLA timer").isNotNull();
        assertThat(job("partner-decision-overdue").getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(30))), 60_000);
    }

    @Test
    void an_accepted_referral_closes_the_case_as_referred() {
        ProcessInstance instance = referred("GT", "US_REFUGEE");
        partnerDecides("ACCEPTED");
        assertThat(instance).hasPassed("referred-accepted").isEnded();
    }

    @Test
    void a_declined_referral_goes_to_the_office_which_refers_elsewhere() {
        ProcessInstance instance = referred("GT", "US_REFUGEE");
        partnerDecides("DECLINED");
        assertThat(instance).isWaitingAt("choose-next-pathway");
        assertThat(task(instance)).hasCandidateGroup("GT");
        assertThat(task(instance).getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(5))), 60_000);
        complete(task(instance), withVariables("nextPathwayDecision", "REFER", CaseWorkflow.PATHWAY, "SPAIN"));
        runSendReferral(instance);
        assertThat(sent).containsExactly("US_REFUGEE", "SPAIN");
        assertThat(instance).isWaitingAt("await-partner-decision");
        partnerDecides("ACCEPTED");
        assertThat(instance).hasPassed("referred-accepted").isEnded();
    }

    @Test
    void a_declined_referral_with_no_pathway_left_closes_the_case() {
        ProcessInstance instance = referred("EC", "CANADA");
        partnerDecides("DECLINED");
        complete(task(instance), withVariables("nextPathwayDecision", "CLOSE"));
        assertThat(instance).hasPassed("closed-no-pathway").isEnded();
    }

    @Test
    void a_partners_question_is_answered_by_the_office_and_the_referral_sent_again() {
        ProcessInstance instance = referred("CR", "SPAIN");
        partnerDecides("INFO_REQUESTED");
        assertThat(instance).isWaitingAt("answer-partner-query");
        assertThat(task(instance)).hasCandidateGroup("CR");
        complete(task(instance));
        runSendReferral(instance);
        assertThat(sent).containsExactly("SPAIN", "SPAIN");
        assertThat(instance).isWaitingAt("await-partner-decision");
    }

    @Test
    void a_partner_past_its_sla_is_escalated_and_the_referral_stays_open() {
        ProcessInstance instance = referred("GT", "US_OTHER");
        engine.getManagementService().executeJob(job("partner-decision-overdue").getId());
        assertThat(escalated).containsExactly("partner:referral-1");
        assertThat(instance).hasPassed("escalate-partner-decision").isWaitingAt("await-partner-decision");
    }

    @Test
    void a_returned_review_goes_back_to_the_interview_and_round_again() {
        ProcessInstance instance = interviewed("CO", 50);
        complete(task(instance), withVariables("supervisorDecision", "RETURN"));
        assertThat(instance).isWaitingAt("conduct-interview");
        complete(task(instance), withVariables(CaseWorkflow.PRIORITY, 50));
        complete(task(instance), withVariables("supervisorDecision", "APPROVE", CaseWorkflow.PATHWAY, "CANADA"));
        assertThat(instance).hasPassed("supervisor-review").isWaitingAt("send-referral");
    }

    @Test
    void every_user_task_reports_its_life_to_the_supervisors_queues() {
        ProcessInstance instance = registerCase("GT", true);
        engine.getTaskService().claim(task(instance).getId(), "cw-1");
        complete(task(instance));
        assertThat(queueEvents).containsSubsequence("create:schedule-interview", "assignment:schedule-interview",
                "complete:schedule-interview", "create:conduct-interview");
        engine.getRuntimeService().createMessageCorrelation(CaseWorkflow.WITHDRAW_MESSAGE)
                .processInstanceBusinessKey("case-1").correlateAll();
        assertThat(queueEvents).as("a task cancelled by withdrawal leaves the queue").endsWith("delete:conduct-interview");
    }

    @Test
    void a_vulnerable_applicants_later_tasks_come_first() {
        ProcessInstance instance = interviewed("EC", CaseWorkflow.VULNERABLE_PRIORITY);
        assertThat(task(instance).getPriority()).isEqualTo(CaseWorkflow.VULNERABLE_PRIORITY);
    }

    @ParameterizedTest(name = "withdrawn while at {0}")
    @ValueSource(strings = {"schedule-interview", "conduct-interview", "supervisor-review", "review-ineligible",
            "approve-override", "send-referral", "await-partner-decision", "choose-next-pathway", "answer-partner-query"})
    void the_applicant_can_withdraw_at_any_stage(String stage) {
        ProcessInstance instance = switch (stage) {
            case "send-referral" -> {
                ProcessInstance i = interviewed("GT", 50);
                complete(task(i), withVariables("supervisorDecision", "APPROVE", CaseWorkflow.PATHWAY, "SPAIN"));
                yield i;
            }
            case "await-partner-decision" -> referred("GT", "SPAIN");
            case "choose-next-pathway", "answer-partner-query" -> {
                ProcessInstance i = referred("GT", "SPAIN");
                partnerDecides(stage.equals("choose-next-pathway") ? "DECLINED" : "INFO_REQUESTED");
                yield i;
            }
            case "schedule-interview" -> registerCase("GT", true);
            case "conduct-interview" -> {
                ProcessInstance i = registerCase("GT", true);
                complete(task(i));
                yield i;
            }
            case "supervisor-review" -> interviewed("GT", 50);
            case "review-ineligible" -> registerCase("GT", false);
            default -> {
                ProcessInstance i = registerCase("GT", false);
                complete(task(i), withVariables("reviewDecision", "OVERRIDE"));
                yield i;
            }
        };
        assertThat(instance).isWaitingAt(stage);
        engine.getRuntimeService().createMessageCorrelation(CaseWorkflow.WITHDRAW_MESSAGE)
                .processInstanceBusinessKey("case-1").correlateAll();
        assertThat(instance).hasPassed("case-withdrawn").isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("no timer or pending step left behind").isZero();
    }

    private Job jobOf(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job job(String activity) {
        return engine.getManagementService().createJobQuery().activityId(activity).singleResult();
    }

    @Test
    void a_refused_case_goes_to_its_office_for_review() {
        ProcessInstance instance = registerCase("GT", false);
        assertThat(instance).isWaitingAt("review-ineligible");
        assertThat(task()).hasCandidateGroup("GT");
    }

    @Test
    void a_confirmed_refusal_closes_the_case() {
        ProcessInstance instance = registerCase("GT", false);
        complete(task(instance), withVariables("reviewDecision", "CONFIRM"));
        assertThat(instance).hasPassed("closed-ineligible").isEnded();
    }

    @Test
    void an_override_waits_for_a_supervisor_of_the_office() {
        ProcessInstance instance = registerCase("EC", false);
        complete(task(instance), withVariables("reviewDecision", "OVERRIDE"));
        assertThat(instance).isWaitingAt("approve-override");
        assertThat(task()).hasCandidateGroup("EC-supervisors");
    }

    @Test
    void an_approved_override_continues_to_the_interview() {
        ProcessInstance instance = registerCase("EC", false);
        complete(task(instance), withVariables("reviewDecision", "OVERRIDE"));
        complete(task(instance), withVariables("overrideDecision", "APPROVE"));
        assertThat(instance).hasPassedInOrder("review-ineligible", "approve-override", "to-interview")
                .isWaitingAt("schedule-interview");
    }

    @Test
    void a_rejected_override_closes_the_case() {
        ProcessInstance instance = registerCase("EC", false);
        complete(task(instance), withVariables("reviewDecision", "OVERRIDE"));
        complete(task(instance), withVariables("overrideDecision", "REJECT"));
        assertThat(instance).hasPassed("override-rejected").isEnded();
    }

    @Test
    void re_screening_a_closed_case_opens_a_review_that_can_reopen_it() {
        ProcessInstance instance = engine.getRuntimeService().createMessageCorrelation(CaseWorkflow.RESCREEN_MESSAGE)
                .processInstanceBusinessKey("case-2").setVariable(CaseWorkflow.OFFICE, "GT")
                .setVariable(CaseWorkflow.PRIORITY, 50).correlateStartMessage();
        assertThat(instance).isWaitingAt("review-rescreen");
        assertThat(task()).hasCandidateGroup("GT");
        complete(task(instance), withVariables("rescreenDecision", "REOPEN"));
        assertThat(instance).isWaitingAt("schedule-interview");
    }

    @Test
    void a_re_screened_case_may_be_kept_closed() {
        ProcessInstance instance = engine.getRuntimeService().createMessageCorrelation(CaseWorkflow.RESCREEN_MESSAGE)
                .processInstanceBusinessKey("case-3").setVariable(CaseWorkflow.OFFICE, "GT")
                .setVariable(CaseWorkflow.PRIORITY, 50).correlateStartMessage();
        complete(task(instance), withVariables("rescreenDecision", "KEEP_CLOSED"));
        assertThat(instance).hasPassed("rescreen-kept-closed").isEnded();
    }

    @Test
    void the_process_keeps_its_history_for_five_years() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseWorkflow.PROCESS_KEY).singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
    }
}
