package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.safemobility.supervision.Escalations;

/**
 * Runs when the partner-decision SLA timer fires (non-interrupting): the referral stays open, and the office's
 * supervisors get an escalation.
 */
@ApplicationScoped
@Named("partnerDecisionOverdue")
public class PartnerDecisionOverdueStep implements JavaDelegate {

    @Inject
    Escalations escalations;

    @Override
    public void execute(DelegateExecution execution) {
        escalations.partnerDecisionOverdue((String) execution.getVariable(CaseWorkflow.OFFICE),
                UUID.fromString(execution.getProcessBusinessKey()), (String) execution.getVariable(CaseWorkflow.REFERRAL_ID));
    }
}
