package org.safemobility.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.safemobility.intake.PersonalDataErased;

/**
 * A case's people were erased: what screening recorded about them goes too (the interview's protection needs,
 * vulnerabilities, family ties and summary; the review's reason; every note). When and by whom the interview and review
 * happened, and the pathway preferred and approved, stay for statistics.
 */
@ApplicationScoped
class ScreeningErasure {

    @Inject
    EntityManager em;

    void erase(@Observes PersonalDataErased erased) {
        em.createNativeQuery("""
                        update smo.interview set protection_needs = null, vulnerabilities = null, family_ties = null,
                               summary = null, location = null
                         where case_id = ?1""").setParameter(1, erased.caseId()).executeUpdate();
        em.createNativeQuery("update smo.supervisor_review set reason = null where case_id = ?1")
                .setParameter(1, erased.caseId()).executeUpdate();
        em.createNativeQuery("delete from smo.case_note where case_id = ?1").setParameter(1, erased.caseId()).executeUpdate();
    }
}
