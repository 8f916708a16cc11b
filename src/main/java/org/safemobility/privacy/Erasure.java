package org.safemobility.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.NotFound;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.intake.CasePersonalData;
import org.safemobility.intake.ProcessingConsentWithdrawn;
import org.safemobility.referral.ReferralErasure;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Erasing one case's personal data, in one transaction: intake's people and free text, then (through
 * {@code PersonalDataErased}) screening's interview and notes, eligibility's override texts, referral packages; the
 * idempotency records that name the case; the engine's history and variables. What statistics need stays. The audit
 * trail keeps that it happened, why and who asked, never the data.
 */
@ApplicationScoped
public class Erasure {

    /** What set an erasure off. */
    public enum Trigger {
        /** The applicant asked (an admin records it). */
        REQUEST,
        /** The applicant withdrew consent to processing. */
        CONSENT_WITHDRAWN,
        /** The case's retention period after closure passed (the daily job). */
        RETENTION
    }

    @Schema(name = "ErasureRequest")
    public record Request(@NotBlank @Size(max = 500) @Schema(description = "Why, without personal data, e.g. "
            + "\"applicant's request at the office, form 2026-118\"") String reason) {
    }

    @Schema(name = "Erasure")
    public record Receipt(UUID caseId, String caseNumber, String office, Trigger trigger, Instant erasedAt,
                          @Schema(description = "Process instances removed from the engine with their history")
                          int engineInstancesRemoved) {
    }

    @Inject
    CasePersonalData cases;

    @Inject
    ReferralErasure referrals;

    @Inject
    CaseWorkflow workflow;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    OfficeScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * An admin erases a case on the applicant's request: refused while a referral waits on its partner (withdraw the
     * case first, which tells the partner) or a legal hold is set. An open case ends as withdrawn, every consent
     * withdrawn, before its data goes.
     */
    @Transactional
    public Receipt onRequest(UUID caseId, Request request) {
        CasePersonalData.Holding c = cases.lock(caseId).orElseThrow(() -> new NotFound("case " + caseId + " not found"));
        if (c.erasedAt() != null) {
            throw new Conflict("case " + c.caseNumber() + " was already erased on " + c.erasedAt());
        }
        if (c.legalHoldReason() != null) {
            throw new Conflict("case " + c.caseNumber() + " is under a legal hold (" + c.legalHoldReason()
                    + "): its data may not be erased until the hold is lifted");
        }
        if (referrals.openReferral(caseId)) {
            throw new Conflict("case " + c.caseNumber() + " has a referral waiting on its partner: withdraw the case "
                    + "first (the partner is told), then erase it");
        }
        cases.endOnRequest(caseId, scope.caller().subject(), "erasure on request");
        return erase(c, Trigger.REQUEST, request.reason().strip(), null);
    }

    /** Consent to processing was withdrawn (the case is closed by now): erased at once, or once a legal hold ends. */
    void onConsentWithdrawn(@Observes ProcessingConsentWithdrawn withdrawn) {
        CasePersonalData.Holding c = cases.lock(withdrawn.caseId()).orElseThrow();
        if (c.erasedAt() != null) {
            return;
        }
        if (c.legalHoldReason() != null) {
            cases.eraseWhenReleased(c.caseId());
            audit.record("case.erasure-deferred", c.office(), c.caseId(), Map.of("trigger", Trigger.CONSENT_WITHDRAWN.name(),
                    "why", "legal hold"));
            return;
        }
        erase(c, Trigger.CONSENT_WITHDRAWN, null, null);
    }

    /** An erasure asked for under a legal hold, now lifted. */
    @Transactional(Transactional.TxType.MANDATORY)
    void asked(UUID caseId) {
        erase(cases.lock(caseId).orElseThrow(), Trigger.CONSENT_WITHDRAWN, "asked for under a legal hold, since lifted", null);
    }

    /** The retention job's erasure of one case it found due (and locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    Receipt dueToRetention(UUID caseId, String decidedBy) {
        CasePersonalData.Holding c = cases.lock(caseId).orElseThrow();
        return erase(c, Trigger.RETENTION, null, decidedBy);
    }

    private Receipt erase(CasePersonalData.Holding c, Trigger trigger, String reason, String onBehalfOf) {
        cases.erase(c.caseId());
        int instances = workflow.eraseHistory(c.caseId());
        // keys live a day: a case closed for years has none left to forget
        int keys = trigger == Trigger.RETENTION ? 0 : idempotency.forgetResource(c.caseId().toString());
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", trigger.name());
        if (reason != null) {
            details.put("reason", reason);
        }
        details.put("engineInstancesRemoved", instances);
        details.put("idempotencyRecordsRemoved", keys);
        if (onBehalfOf != null) {
            audit.recordOnBehalfOf(onBehalfOf, "case.erased", c.office(), c.caseId(), details);
        } else {
            audit.record("case.erased", c.office(), c.caseId(), details);
        }
        return new Receipt(c.caseId(), c.caseNumber(), c.office(), trigger, now, instances);
    }
}
