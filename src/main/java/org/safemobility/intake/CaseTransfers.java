package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotFound;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Moving a case to another office when the family moves between host countries. The sending office asks (consent to
 * processing required); the receiving office's supervisors accept or reject in {@code accept-transfer}, which runs
 * beside the case's journey. On acceptance the case takes a number of the receiving office (the old one stays an
 * alias that search finds), every open task at the sending office ends, open referrals are withdrawn (the receiving
 * office decides eligibility with its own rules, so the pathways it may refer to can differ: a referral made on the
 * sending office's decision must not stand), and the workflow starts again at the eligibility decision there. Both
 * offices read the transfer; the sending office no longer reads the case itself.
 */
@ApplicationScoped
public class CaseTransfers {

    public enum Status {
        REQUESTED, ACCEPTED, REJECTED
    }

    @Schema(name = "TransferRequest")
    public record Request(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an office code such as GT") @Schema(example = "CO")
            String toOffice,
            @NotBlank @Size(max = 2000) @Schema(example = "The family moved to Bogotá") String reason) {
    }

    @Schema(name = "CaseTransfer", description = "A case's move between offices, as both offices read it")
    public record View(UUID id, UUID caseId, String fromOffice, String toOffice,
                       @Schema(description = "The case's number at the sending office (an alias after acceptance)")
                       String fromCaseNumber,
                       @Schema(description = "The case's number at the receiving office, once accepted") String toCaseNumber,
                       Status status, String reason, String requestedBy, Instant requestedAt, String decidedBy,
                       Instant decidedAt, String decisionReason,
                       @Schema(description = "Open referrals withdrawn when the case moved") Integer withdrawnReferrals) {
    }

    @Schema(name = "CaseTransferList")
    public record Listing(List<View> items) {
    }

    @Schema(name = "CaseTransferPage")
    public record Page(List<View> items, long total, int page, int size) {
    }

    @Inject
    EntityManager em;

    @Inject
    OfficeScope scope;

    @Inject
    OfficeDirectory offices;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    CaseNumbers caseNumbers;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    Event<CaseTransferred> transferred;

    @Inject
    PossibleDuplicates duplicates;

    @Inject
    Clock clock;

    /** The sending office asks; the receiving office's supervisors get {@code accept-transfer}. */
    @Transactional
    public View request(UUID caseId, Request request) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        Office to = offices.find(request.toOffice()).orElseThrow(() -> Invalid.of("toOffice",
                "unknown office " + request.toOffice() + "; offices are " + String.join(", ", offices.all().keySet())));
        if (to.code().equals(c.office)) {
            throw Invalid.of("toOffice", "is the case's own office");
        }
        if (!c.consent.processing) {
            throw new Conflict("the applicant has not consented to processing: the case cannot be transferred");
        }
        if (c.status.isClosed()) {
            throw new Conflict("case " + c.caseNumber + " is " + c.status + ": a closed case is not transferred");
        }
        if (c.heldSince != null) {
            throw new Conflict("case " + c.caseNumber + " is on hold: resume it before transferring it");
        }
        if (waiting(caseId) != null) {
            throw new Conflict("a transfer of case " + c.caseNumber + " is already waiting for the receiving office");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String me = scope.caller().subject();
        em.createNativeQuery("""
                insert into smo.case_transfer (id, case_id, from_office, to_office, from_case_number, status, reason,
                                               requested_by, requested_at)
                values (?1, ?2, ?3, ?4, ?5, 'REQUESTED', ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, caseId).setParameter(3, c.office).setParameter(4, to.code())
                .setParameter(5, c.caseNumber).setParameter(6, request.reason().strip()).setParameter(7, me)
                .setParameter(8, now).executeUpdate();
        workflow.requestTransfer(caseId, to.code());
        Map<String, Object> details = Map.of("transferId", id.toString(), "fromOffice", c.office, "toOffice", to.code());
        audit.record("case.transfer-requested", c.office, caseId, details);
        audit.record("case.transfer-requested", to.code(), caseId, details);
        return find(id);
    }

    /**
     * A supervisor of the receiving office decides (in the transaction that completes {@code accept-transfer}); an
     * acceptance moves the case once the task has completed ({@link #moveAccepted}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void decide(UUID caseId, boolean accept, String reason) {
        View waiting = waiting(caseId);
        if (waiting == null) {
            throw new Conflict("no transfer of case " + caseId + " is waiting");
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw Invalid.of("reason", "is required to reject a transfer");
        }
        em.createNativeQuery("""
                update smo.case_transfer set status = ?2, decided_by = ?3, decided_at = ?4, decision_reason = ?5
                 where id = ?1""")
                .setParameter(1, waiting.id()).setParameter(2, accept ? "ACCEPTED" : "REJECTED")
                .setParameter(3, scope.caller().subject()).setParameter(4, clock.instant())
                .setParameter(5, reason == null ? null : reason.strip()).executeUpdate();
        if (!accept) {
            Map<String, Object> details = Map.of("transferId", waiting.id().toString(), "toOffice", waiting.toOffice(),
                    "reason", reason.strip());
            audit.record("case.transfer-rejected", waiting.fromOffice(), caseId, details);
            audit.record("case.transfer-rejected", waiting.toOffice(), caseId, details);
        }
    }

    /**
     * Moves the case of a transfer just accepted: a number at the receiving office, the old one kept as an alias,
     * the workflow started again at the eligibility decision with the receiving office as the case's office.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void moveAccepted(UUID caseId) {
        View accepted = latest(caseId);
        if (accepted == null || accepted.status() != Status.ACCEPTED || accepted.toCaseNumber() != null) {
            return; // rejected: the case stays where it is
        }
        CaseFile c = CaseFile.findById(caseId);
        Office to = offices.find(accepted.toOffice()).orElseThrow();
        String number = caseNumbers.allocate(to.code(), LocalDate.now(clock.withZone(to.zone())).getYear());
        em.createNativeQuery("insert into smo.case_number_alias (case_number, case_id) values (?1, ?2)")
                .setParameter(1, c.caseNumber).setParameter(2, caseId).executeUpdate();
        String from = c.office;
        CaseTransferred event = new CaseTransferred(caseId, from, to.code());
        transferred.fire(event); // referrals withdrawn, holds ended, while the case is still the sending office's
        c.caseNumber = number;
        c.office = to.code();
        lifecycle.apply(caseId, CaseTransition.TRANSFERRED_TO_ANOTHER_OFFICE);
        c.processInstanceId = workflow.moveToOffice(caseId, to.code());
        duplicates.reopenReview(c); // undecided likely duplicates are the receiving office's to decide now
        em.createNativeQuery("""
                update smo.case_transfer set to_case_number = ?2, withdrawn_referrals = ?3 where id = ?1""")
                .setParameter(1, accepted.id()).setParameter(2, number).setParameter(3, event.withdrawnReferrals())
                .executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", accepted.id().toString());
        details.put("fromOffice", from);
        details.put("toOffice", to.code());
        details.put("fromCaseNumber", accepted.fromCaseNumber());
        details.put("toCaseNumber", number);
        details.put("withdrawnReferrals", event.withdrawnReferrals());
        audit.record("case.transferred", from, caseId, details);
        audit.record("case.transferred", to.code(), caseId, details);
    }

    /** The case's transfers, oldest first: for the staff of the case's office and of every office it left. */
    @Transactional
    public List<View> of(UUID caseId) {
        List<View> transfers = list("where t.case_id = ?1 order by t.requested_at, t.id", caseId);
        CaseFile c = CaseFile.findById(caseId);
        boolean visible = c != null && (scope.caller().worksFor(c.office)
                || transfers.stream().anyMatch(t -> scope.caller().worksFor(t.fromOffice())));
        if (!visible) {
            throw new NotFound("case " + caseId + " not found");
        }
        return transfers;
    }

    /** Transfers into or out of an office the caller works for, newest first, a page at a time. */
    @Transactional
    public Page ofOffice(String office, boolean incoming, Status status, int page, int size) {
        String only = scope.officeToActIn(office, "office").code();
        String where = "where t." + (incoming ? "to_office" : "from_office") + " = ?1"
                + " and (cast(?2 as text) is null or t.status = ?2)";
        Number total = (Number) em.createNativeQuery("select count(*) from smo.case_transfer t " + where)
                .setParameter(1, only).setParameter(2, status == null ? null : status.name()).getSingleResult();
        List<View> items = list(where + " order by t.requested_at desc, t.id desc limit ?3 offset ?4", only,
                status == null ? null : status.name(), size, (long) page * size);
        return new Page(items, total.longValue(), page, size);
    }

    private View find(UUID id) {
        return list("where t.id = ?1", id).get(0);
    }

    private View waiting(UUID caseId) {
        return list("where t.case_id = ?1 and t.status = 'REQUESTED'", caseId).stream().findFirst().orElse(null);
    }

    private View latest(UUID caseId) {
        return list("where t.case_id = ?1 order by t.requested_at desc, t.id desc limit 1", caseId).stream().findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<View> list(String where, Object... parameters) {
        var query = em.createNativeQuery("""
                select t.id, t.case_id, t.from_office, t.to_office, t.from_case_number, t.to_case_number, t.status,
                       t.reason, t.requested_by, t.requested_at, t.decided_by, t.decided_at, t.decision_reason,
                       t.withdrawn_referrals
                  from smo.case_transfer t""" + " " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new View((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], Status.valueOf((String) r[6]), (String) r[7], (String) r[8], (Instant) r[9],
                (String) r[10], (Instant) r[11], (String) r[12], (Integer) r[13])).toList();
    }
}
