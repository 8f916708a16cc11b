package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The service task {@code send-referral} (asynchronous, so a failure such as missing consent becomes an incident of
 * its own instead of undoing the supervisor's approval): refers the case to the partner of the pathway in the
 * process variable {@code pathway}, or sends its open referral again, and remembers the referral the case now waits
 * on. A suspended pathway is the BPMN error {@code pathway-suspended}: the model routes the case to its hold, and what
 * the referral capability recorded about the hold commits with the step.
 */
@ApplicationScoped
@Named("sendReferral")
public class SendReferralStep implements JavaDelegate {

    public static final String PATHWAY_SUSPENDED = "pathway-suspended";

    @Inject
    ReferralSender referrals;

    @Override
    public void execute(DelegateExecution execution) {
        ReferralSender.Outcome outcome = referrals.send(UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariable(CaseWorkflow.PATHWAY));
        if (outcome.held()) {
            throw new BpmnError(PATHWAY_SUSPENDED, outcome.heldBecause());
        }
        execution.setVariable(CaseWorkflow.REFERRAL_ID, outcome.referralId());
    }
}
