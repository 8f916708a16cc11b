package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code smo-case} model on its own, in an in-memory engine: fast, and independent of the service. The
 * delegates are the service's real classes, registered by name as CDI would.
 */
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

    @BeforeEach
    void registerDelegates() {
        Mocks.register("eligibilityPlaceholder", new EligibilityPlaceholder());
    }

    @AfterEach
    void forgetDelegates() {
        Mocks.reset();
    }

    private ProcessInstance startCase(String office) {
        return engine.getRuntimeService().startProcessInstanceByKey(CaseWorkflow.PROCESS_KEY, "case-1",
                Map.of(CaseWorkflow.CASE_ID, "case-1", CaseWorkflow.OFFICE, office));
    }

    @Test
    @Deployment(resources = "workflows/smo-case.bpmn")
    void a_registered_case_passes_eligibility_and_waits_for_an_interview_to_be_scheduled_by_its_office() {
        ProcessInstance instance = startCase("CR");
        assertThat(instance).hasPassedInOrder("case-registered", "eligibility").isWaitingAt("schedule-interview");
        assertThat(task()).hasCandidateGroup("CR").isNotAssigned();
    }

    @Test
    @Deployment(resources = "workflows/smo-case.bpmn")
    void scheduling_the_interview_moves_the_case_on() {
        ProcessInstance instance = startCase("GT");
        engine.getTaskService().complete(task(instance).getId());
        assertThat(instance).hasPassed("schedule-interview").isEnded();
    }

    @Test
    @Deployment(resources = "workflows/smo-case.bpmn")
    void the_process_keeps_its_history_for_five_years() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseWorkflow.PROCESS_KEY).singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
    }
}
