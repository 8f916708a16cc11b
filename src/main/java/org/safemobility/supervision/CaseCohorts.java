package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.safemobility.eligibility.EligibilityDecided;
import org.safemobility.eligibility.OverrideDecided;
import org.safemobility.intake.CaseRegistered;
import org.safemobility.intake.CaseWithdrawn;
import org.safemobility.referral.ReferralOutcome;

/**
 * Supervision's record of each case for cohort statistics ({@code smo.case_cohort}): one row per case with what the
 * reports count, kept by the events of intake, eligibility and referral, each in the transaction of the change it
 * reports. {@link Statistics} groups this table alone, so no report joins other capabilities' tables.
 */
@ApplicationScoped
public class CaseCohorts {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void registered(@Observes CaseRegistered event) {
        em.createNativeQuery("""
                        insert into smo.case_cohort (case_id, office, nationality, registered_at) values (?1, ?2, ?3, ?4)
                        on conflict (case_id) do nothing""")
                .setParameter(1, event.caseId()).setParameter(2, event.office()).setParameter(3, event.nationality())
                .setParameter(4, event.registeredAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void decided(@Observes EligibilityDecided event) {
        update("eligible = ?2", event.caseId(), event.eligible());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void overridden(@Observes OverrideDecided event) {
        update("overridden = ?2", event.caseId(), event.approved());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawn(@Observes CaseWithdrawn event) {
        update("withdrawn = ?2", event.caseId(), true);
    }

    /**
     * The first referral dates the case's referral; the newest referral (a resend is the same referral) names its
     * pathway; a partner's acceptance or decline stays counted, as both are final.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void referral(@Observes ReferralOutcome event) {
        switch (event.outcome()) {
            case "sent" -> em.createNativeQuery("""
                            update smo.case_cohort set first_referred_at = coalesce(first_referred_at, ?2), last_pathway = ?3
                             where case_id = ?1""")
                    .setParameter(1, event.caseId()).setParameter(2, event.at()).setParameter(3, event.pathway())
                    .executeUpdate();
            case "accepted" -> update("accepted = ?2", event.caseId(), true);
            case "declined" -> update("declined = ?2", event.caseId(), true);
            default -> { } // resent, information requested, withdrawn: nothing the report counts
        }
    }

    private void update(String assignment, java.util.UUID caseId, boolean value) {
        em.createNativeQuery("update smo.case_cohort set " + assignment + " where case_id = ?1")
                .setParameter(1, caseId).setParameter(2, value).executeUpdate();
    }
}
