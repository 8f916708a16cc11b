package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.safemobility.intake.PersonalDataErased;

/**
 * A case's people were erased: the copies of their data in referral packages go, with the partner's questions, the
 * office's answers and the partner's reasons. Each referral's partner, pathway, status and dates stay for statistics;
 * a partner reading one sees its status and case number only.
 */
@ApplicationScoped
public class ReferralErasure {

    @Inject
    EntityManager em;

    /** Whether a referral of the case waits on its partner: erasing then would pull the package from under it. */
    public boolean openReferral(java.util.UUID caseId) {
        return Referral.count("caseId = ?1 and status in ?2", caseId,
                List.of(Referral.Status.SENT, Referral.Status.INFO_REQUESTED)) > 0;
    }

    void erase(@Observes PersonalDataErased erased) {
        em.createNativeQuery("""
                        update smo.referral set package = null, questions = null, answers = null, decision_reason = null
                         where case_id = ?1""").setParameter(1, erased.caseId()).executeUpdate();
    }
}
