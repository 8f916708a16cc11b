package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @AfterEach
    void forgetDelegates() {
        Mocks.reset();
    }

    private ProcessInstance registerCase(String office, boolean eligible) {
        Mocks.register("eligibilityDecision", (JavaDelegate) execution -> execution.setVariable("eligible", eligible));
        return engine.getRuntimeService().startProcessInstanceByKey(CaseWorkflow.PROCESS_KEY, "case-1",
                Map.of(CaseWorkflow.CASE_ID, "case-1", CaseWorkflow.OFFICE, office));
    }

    @Test
    void an_eligible_case_waits_for_its_office_to_schedule_an_interview() {
        ProcessInstance instance = registerCase("CR", true);
        assertThat(instance).hasPassedInOrder("case-registered", "eligibility", "is-eligible", "to-interview")
                .isWaitingAt("schedule-interview");
        assertThat(task()).hasCandidateGroup("CR").isNotAssigned();
    }

    @Test
    void scheduling_the_interview_moves_the_case_on() {
        ProcessInstance instance = registerCase("GT", true);
        complete(task(instance));
        assertThat(instance).hasPassed("schedule-interview").isEnded();
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
                .processInstanceBusinessKey("case-2").setVariable(CaseWorkflow.OFFICE, "GT").correlateStartMessage();
        assertThat(instance).isWaitingAt("review-rescreen");
        assertThat(task()).hasCandidateGroup("GT");
        complete(task(instance), withVariables("rescreenDecision", "REOPEN"));
        assertThat(instance).isWaitingAt("schedule-interview");
    }

    @Test
    void a_re_screened_case_may_be_kept_closed() {
        ProcessInstance instance = engine.getRuntimeService().createMessageCorrelation(CaseWorkflow.RESCREEN_MESSAGE)
                .processInstanceBusinessKey("case-3").setVariable(CaseWorkflow.OFFICE, "GT").correlateStartMessage();
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
