package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;

/** Referrals as the office sees them: a case's referrals with the partners' decisions and questions. */
@ApplicationScoped
public class OfficeReferrals {

    @Inject
    CaseQueries caseQueries;

    @Inject
    OfficeScope scope;

    @Inject
    AuditTrail audit;

    /**
     * The referrals of a case of the caller's offices, oldest first, with the partners' decisions and questions.
     * Audited like any read of a case.
     */
    @Transactional
    public List<ReferralViews.ForOffice> forCase(UUID caseId) {
        CaseReference reference = caseQueries.reference(caseId);
        scope.requireVisible(reference == null ? null : reference.office(), "case " + caseId + " not found");
        List<ReferralViews.ForOffice> referrals = Referral.<Referral>list("caseId = ?1 order by sentAt, id", caseId).stream()
                .map(ReferralViews.ForOffice::of).toList();
        audit.record("case.referrals-viewed", reference.office(), caseId, Map.of("caseNumber", reference.caseNumber()));
        return referrals;
    }
}
