package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.safemobility.intake.PersonalDataErased;

/**
 * A case's people were erased: the decision stays (inputs, rule, reason: statistics and the record of how rules were
 * applied), the free text written about the applicant in an override and its answer goes.
 */
@ApplicationScoped
class EligibilityErasure {

    @Inject
    EntityManager em;

    void erase(@Observes PersonalDataErased erased) {
        em.createNativeQuery("""
                        update smo.eligibility_decision set override_justification = case when override_justification
                               is null then null else 'erased' end, override_reason = null
                         where case_id = ?1""").setParameter(1, erased.caseId()).executeUpdate();
    }
}
