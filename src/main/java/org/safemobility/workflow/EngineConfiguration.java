package org.safemobility.workflow;

import jakarta.inject.Singleton;
import org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;

/**
 * The engine's configuration as the Camunda Quarkus extension documents it: a CDI bean of this type replaces its
 * default, and {@code quarkus.camunda.generic-config.*} still applies on top.
 *
 * <p>It leaves out the CDI event bridge the extension always installs: a parse listener that fires a CDI event for
 * every activity started, ended or taken and every task event. Nothing here observes those events (the service's own
 * listeners are on the model), yet each one made ArC resolve observers for its qualifiers at run time: a registration
 * fires about thirty of them, and they were the largest share of CDI work in a profile of registrations (issue 16).
 */
@Singleton
public class EngineConfiguration extends QuarkusProcessEngineConfiguration {

    public EngineConfiguration() {
        getProcessEnginePlugins().add(new WithoutCdiEventBridge());
    }

    /** Runs after the extension has added the bridge's parse listener and before any model is parsed. */
    static final class WithoutCdiEventBridge extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getCustomPostBPMNParseListeners() != null) {
                configuration.getCustomPostBPMNParseListeners()
                        .removeIf(CdiEventSupportBpmnParseListener.class::isInstance);
            }
        }
    }
}
