package org.safemobility.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The service task {@code send-referral} (asynchronous, so a failure such as missing consent becomes an incident of
 * its own instead of undoing the supervisor's approval): refers the case to the partner of the pathway in the
 * process variable {@code pathway}, or sends its open referral again, and remembers the referral the case now waits
 * on.
 */
@ApplicationScoped
@Named("sendReferral")
public class SendReferralStep implements JavaDelegate {

    @Inject
    ReferralSender referrals;

    @Override
    public void execute(DelegateExecution execution) {
        String referral = referrals.send(UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariable(CaseWorkflow.PATHWAY));
        execution.setVariable(CaseWorkflow.REFERRAL_ID, referral);
    }
}
