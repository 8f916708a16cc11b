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

    /** A referral as the applicant's copy tells it: to whom, when, what was shared, and what became of it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SharedReferral")
    public record Shared(String partner, String partnerName, String partnerCountry,
                         org.safemobility.eligibility.Pathway pathway, Referral.Status status, int revision,
                         java.time.Instant sentAt, java.time.Instant updatedAt, String decisionReason,
                         java.time.Instant decidedAt,
                         @com.fasterxml.jackson.annotation.JsonProperty("package") ReferralPackage referralPackage) {
    }

    /**
     * What was shared with which partner and when, for the applicant's copy (the caller audits the copy as a whole).
     * The package is the latest revision sent; absent once erased.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Shared> sharedFor(UUID caseId) {
        CaseReference reference = caseQueries.reference(caseId);
        scope.requireVisible(reference == null ? null : reference.office(), "case " + caseId + " not found");
        return Referral.<Referral>list("caseId = ?1 order by sentAt, id", caseId).stream().map(r -> {
            Partner partner = Partner.findById(r.partnerId);
            return new Shared(r.partnerId, partner == null ? null : partner.name, partner == null ? null : partner.country,
                    r.pathway, r.status, r.revision, r.sentAt, r.updatedAt, r.decisionReason, r.decidedAt,
                    r.referralPackage);
        }).toList();
    }
}
