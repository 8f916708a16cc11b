package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Replaces the workflow's eligibility step, under {@link RegistrationAtomicityIT.FailingWorkflow} only, with one
 * that fails: by then the case row has been inserted and the process instance created.
 */
@Alternative
@ApplicationScoped
@Named("eligibilityDecision")
public class FailingEligibilityStep implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        throw new IllegalStateException("eligibility step failed on purpose for case " + execution.getBusinessKey());
    }
}
