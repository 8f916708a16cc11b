package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Runs when the partner-decision SLA timer fires (non-interrupting): the referral stays open, and
 * {@link DeadlineMissed} tells supervision, which escalates to the office's supervisors. Not while the referral is
 * held because its pathway was suspended after it was sent: the partner cannot decide, so no deadline is missed.
 */
@ApplicationScoped
@Named("partnerDecisionOverdue")
public class PartnerDecisionOverdueStep implements JavaDelegate {

    @Inject
    Event<DeadlineMissed> missed;

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(CaseWorkflow.REFERRAL_HELD))) {
            return;
        }
        missed.fire(new DeadlineMissed(UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariable(CaseWorkflow.OFFICE), DeadlineMissed.PARTNER_DECISION, null,
                (String) execution.getVariable(CaseWorkflow.REFERRAL_ID)));
    }
}
