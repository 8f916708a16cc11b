package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jboss.logging.Logger;

/**
 * Stands in for the eligibility decision in {@code smo-case} until the DMN decision replaces it: every case goes on
 * to {@code schedule-interview}. It decides nothing and records nothing on the case.
 */
@ApplicationScoped
@Named("eligibilityPlaceholder")
public class EligibilityPlaceholder implements JavaDelegate {

    private static final Logger LOG = Logger.getLogger(EligibilityPlaceholder.class);

    @Override
    public void execute(DelegateExecution execution) {
        LOG.debugf("case %s: eligibility not yet decided (placeholder step)", execution.getBusinessKey());
    }
}
