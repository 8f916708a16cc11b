package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The business rule task {@code eligibility}: the case's eligibility is decided by the DMN decision
 * {@code smo-eligibility} and recorded by the eligibility capability in this same transaction; the process only
 * learns the yes/no it routes on.
 */
@ApplicationScoped
@Named("eligibilityDecision")
public class EligibilityDecisionStep implements JavaDelegate {

    public static final String ELIGIBLE = "eligible";

    @Inject
    EligibilityDecider eligibility;

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ELIGIBLE, eligibility.decide(UUID.fromString(execution.getBusinessKey())));
    }
}
