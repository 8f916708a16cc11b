package org.safemobility.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.NotFound;
import org.safemobility.intake.CasePersonalData;

/**
 * A legal hold keeps a case's data past its retention and refuses its erasure (litigation, an investigation, a fraud
 * review). Set and lifted by admins, audited both ways. An erasure asked for meanwhile (consent to processing
 * withdrawn) happens when the hold is lifted.
 */
@ApplicationScoped
public class LegalHolds {

    @Schema(name = "LegalHoldRequest")
    public record Request(@NotBlank @Size(max = 500) @Schema(example = "Court order 2026/114, kept until the case ends")
                          String reason) {
    }

    @Schema(name = "LegalHoldView")
    public record View(UUID caseId, String caseNumber, String reason, String by, Instant since) {
    }

    @Inject
    CasePersonalData cases;

    @Inject
    Erasure erasure;

    @Inject
    OfficeScope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public View set(UUID caseId, Request request) {
        CasePersonalData.Holding c = cases.lock(caseId).orElseThrow(() -> new NotFound("case " + caseId + " not found"));
        if (c.erasedAt() != null) {
            throw new Conflict("case " + c.caseNumber() + " was erased on " + c.erasedAt() + ": nothing is left to hold");
        }
        CasePersonalData.Holding held = cases.holdForLegalReasons(caseId, request.reason().strip(), scope.caller().subject());
        audit.record("case.legal-hold-set", c.office(), caseId, Map.of("reason", held.legalHoldReason()));
        return new View(caseId, held.caseNumber(), held.legalHoldReason(), held.legalHoldBy(), held.legalHoldSince());
    }

    /** Lifts the hold; an erasure asked for under it happens now. */
    @Transactional
    public void lift(UUID caseId) {
        CasePersonalData.Holding c = cases.lock(caseId).orElseThrow(() -> new NotFound("case " + caseId + " not found"));
        if (c.legalHoldReason() == null) {
            throw new NotFound("case " + c.caseNumber() + " has no legal hold");
        }
        cases.releaseLegalHold(caseId);
        audit.record("case.legal-hold-lifted", c.office(), caseId, Map.of());
        if (c.erasureRequestedAt() != null) {
            erasure.asked(caseId);
        }
    }
}
