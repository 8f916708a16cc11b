package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import org.safemobility.eligibility.EligibilityDecided;
import org.safemobility.eligibility.OverrideDecided;
import org.safemobility.intake.CaseRegistered;
import org.safemobility.intake.CaseWithdrawn;
import org.safemobility.referral.ReferralOutcome;

/**
 * Supervision's record of each case for cohort statistics ({@code smo.case_cohort}): one row per case with what the
 * reports count, kept by the events of intake, eligibility and referral, each in the transaction of the change it
 * reports. {@link Statistics} groups this table alone, so no report joins other capabilities' tables. Rows are entities
 * rather than statements, so that a registration, whose eligibility is decided in the same transaction, writes its row
 * once, as it stands at commit.
 */
@ApplicationScoped
public class CaseCohorts {

    @Transactional(Transactional.TxType.MANDATORY)
    void registered(@Observes CaseRegistered event) {
        CohortCase row = new CohortCase();
        row.caseId = event.caseId();
        row.office = event.office();
        row.nationality = event.nationality();
        row.registeredAt = event.registeredAt();
        row.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void decided(@Observes EligibilityDecided event) {
        update(event.caseId(), row -> row.eligible = event.eligible());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void overridden(@Observes OverrideDecided event) {
        update(event.caseId(), row -> row.overridden = event.approved());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawn(@Observes CaseWithdrawn event) {
        update(event.caseId(), row -> row.withdrawn = true);
    }

    /**
     * The first referral dates the case's referral; the newest referral (a resend is the same referral) names its
     * pathway; a partner's acceptance or decline stays counted, as both are final.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void referral(@Observes ReferralOutcome event) {
        switch (event.outcome()) {
            case ReferralOutcome.SENT -> update(event.caseId(), row -> {
                row.firstReferredAt = row.firstReferredAt == null ? event.at() : row.firstReferredAt;
                row.lastPathway = event.pathway();
            });
            case ReferralOutcome.ACCEPTED -> update(event.caseId(), row -> row.accepted = true);
            case ReferralOutcome.DECLINED -> update(event.caseId(), row -> row.declined = true);
            default -> { } // resent, information requested, withdrawn: nothing the report counts
        }
    }

    private static void update(UUID caseId, Consumer<CohortCase> change) {
        CohortCase row = CohortCase.findById(caseId);
        if (row != null) { // every case has one: V11 added those before it, registration adds the rest
            change.accept(row);
        }
    }
}
