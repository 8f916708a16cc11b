package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import java.util.Date;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WorkflowDeploymentIT {

    @Inject
    RepositoryService repository;

    @Inject
    WorkflowDeployer deployer;

    @Inject
    ProcessEngine engine;

    @Test
    void the_engine_runs_on_the_service_configuration_without_the_cdi_event_bridge() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration).isInstanceOf(EngineConfiguration.class);
        assertThat(configuration.getHistory()).isEqualTo("audit"); // generic-config still applies on top
        assertThat(configuration.getCustomPostBPMNParseListeners())
                .noneMatch(CdiEventSupportBpmnParseListener.class::isInstance);
        // the database records the level the engine runs at (one set up at full was moved down at start)
        assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel", "2");
    }

    @Test
    void expressions_find_the_services_beans_by_name_behind_the_process_variables() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getExpressionManager()).isInstanceOf(EngineConfiguration.Expressions.class);
        var expressions = (JuelExpressionManager) configuration.getExpressionManager();

        assertThat(evaluate(expressions, "${deadlines}", Variables.createVariables())).isInstanceOf(Deadlines.class);
        assertThat(evaluate(expressions, "${deadlines.durations['schedule-interview']}", Variables.createVariables()))
                .asString().startsWith("P"); // again: the bean this name found before
        assertThat(evaluate(expressions, "${deadlines}", Variables.putValue("deadlines", "a variable")))
                .isEqualTo("a variable");
        assertThat(evaluate(expressions, "${now()}", Variables.createVariables())).isInstanceOf(Date.class);
        assertThatThrownBy(() -> evaluate(expressions, "${noSuchBean}", Variables.createVariables()))
                .isInstanceOf(PropertyNotFoundException.class);
    }

    private static Object evaluate(JuelExpressionManager expressions, String expression, VariableMap variables) {
        return expressions.createValueExpression(expression)
                .getValue(expressions.createElContext(variables.asVariableContext()));
    }

    @Test
    void every_model_in_the_workflows_folder_is_deployed() {
        assertThat(WorkflowDeployer.models()).containsKey("smo-case.bpmn");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY)
                .latestVersion().count()).isEqualTo(1);
    }

    @Test
    void deploying_unchanged_models_again_creates_no_new_version() {
        long deployments = repository.createDeploymentQuery().deploymentName(WorkflowDeployer.DEPLOYMENT_NAME).count();
        int version = repository.createProcessDefinitionQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY)
                .latestVersion().singleResult().getVersion();

        deployer.deployOnStartup(new CamundaEngineStartupEvent());

        assertThat(repository.createDeploymentQuery().deploymentName(WorkflowDeployer.DEPLOYMENT_NAME).count())
                .isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY)
                .latestVersion().singleResult().getVersion()).isEqualTo(version);
    }
}
