package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WorkflowDeploymentIT {

    @Inject
    RepositoryService repository;

    @Inject
    WorkflowDeployer deployer;

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
