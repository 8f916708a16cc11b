package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the engine answers through the database and the case process is deployed. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    @Inject
    ProcessEngine engine;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("workflow-engine");
        try {
            long definitions = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(CaseWorkflow.PROCESS_KEY).latestVersion().count();
            return response.status(definitions == 1).withData("engine", engine.getName())
                    .withData("processDefinition", CaseWorkflow.PROCESS_KEY).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
