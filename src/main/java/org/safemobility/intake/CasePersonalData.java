package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.safemobility.errors.Conflict;

/**
 * What intake holds about a case's people, for the privacy capability: whether it may be erased, ending an open case
 * before its data goes, erasing it, legal holds, and which cases are due. Erasing keeps what statistics need (office,
 * nationality, arrival and application dates, status, outcome, the ids that link cases) and removes the rest: names,
 * date of birth, sex, documents, contact details, host-country status, language, the household, free-text reasons.
 */
@ApplicationScoped
public class CasePersonalData {

    /** The facts about a case an erasure decides on. */
    public record Holding(UUID caseId, String caseNumber, String office, CaseStatus status, Instant closedAt,
                          Instant erasedAt, Instant erasureRequestedAt, String legalHoldReason, String legalHoldBy,
                          Instant legalHoldSince) {
        public boolean open() {
            return !status.isClosed();
        }
    }

    @Inject
    Consents consents;

    @Inject
    CaseWithdrawal withdrawal;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<PersonalDataErased> erased;

    /** The case, locked until the transaction ends: an erasure and an edit of the same case never interleave. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Holding> lock(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(c).map(CasePersonalData::holding);
    }

    private static Holding holding(CaseFile c) {
        return new Holding(c.id, c.caseNumber, c.office, c.status, c.closedAt, c.erasedAt, c.erasureRequestedAt,
                c.legalHoldReason, c.legalHoldBy, c.legalHoldSince);
    }

    /**
     * The applicant asked for their data to be erased: every consent is withdrawn (kept in the consent history) and an
     * open case ends as withdrawn, wherever it stood, its open referrals with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endOnRequest(UUID caseId, String by, String note) {
        CaseFile c = CaseFile.findById(caseId);
        consents.withdrawAll(c, by, note);
        if (!c.status.isClosed()) {
            withdrawal.close(c, "the applicant asked for their data to be erased", Map.of("erasureRequested", true));
        }
    }

    /** Erasure was asked for while a legal hold keeps the data: it happens once the hold is lifted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseWhenReleased(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        if (c.erasureRequestedAt == null) {
            c.erasureRequestedAt = clock.instant();
        }
    }

    /** Erases the case's people (see the class comment); the other capabilities follow through {@link PersonalDataErased}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        if (c.erasedAt != null) {
            throw new Conflict("case " + c.caseNumber + " was already erased on " + c.erasedAt);
        }
        Applicant a = c.applicant;
        a.givenName = null;
        a.familyName = null;
        a.dateOfBirth = null;
        a.sex = null;
        a.documentType = null;
        a.document(null);
        a.hostCountryStatus = null;
        a.phone(null);
        a.email = null;
        a.preferredLanguage = null;
        c.household.clear();
        c.closingNote = null;
        c.holdReason = null;
        c.applicationDateReason = c.applicationDateReason == null ? null : "erased";
        if (c.withdrawal != null) {
            c.withdrawal.reason = "erased";
        }
        c.erasedAt = clock.instant();
        c.erasureRequestedAt = null;
        CaseFile.flush(); // the search rows go with the names (the refresh triggers see erased_at)
        em.createNativeQuery("update smo.consent_record set note = null where case_id = ?1").setParameter(1, caseId)
                .executeUpdate();
        em.createNativeQuery("update smo.case_transfer set reason = 'erased', decision_reason = null where case_id = ?1")
                .setParameter(1, caseId).executeUpdate();
        em.createNativeQuery("update smo.possible_duplicate set note = null where case_id = ?1 or other_case_id = ?1")
                .setParameter(1, caseId).executeUpdate();
        em.createNativeQuery("update smo.case_link set reason = null where case_id = ?1 or linked_case_id = ?1")
                .setParameter(1, caseId).executeUpdate();
        erased.fire(new PersonalDataErased(caseId, c.office));
    }

    /**
     * Cases whose personal data is due for erasure: closed before {@code closedBefore}, or asked for under a hold since
     * lifted; never one under a legal hold. Locked (skipping those another replica holds), oldest closure first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> dueForErasure(Instant closedBefore, int limit) {
        return em.createNativeQuery("""
                        select id from smo.case_file
                         where erased_at is null and legal_hold_since is null
                           and (closed_at < ?1 or erasure_requested_at is not null)
                         order by closed_at
                         limit ?2
                           for update skip locked""", UUID.class)
                .setParameter(1, closedBefore).setParameter(2, limit).getResultList();
    }

    /** Sets the legal hold; returns the case as it now stands. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Holding holdForLegalReasons(UUID caseId, String reason, String by) {
        CaseFile c = CaseFile.findById(caseId);
        c.legalHoldReason = reason;
        c.legalHoldBy = by;
        c.legalHoldSince = clock.instant();
        return holding(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseLegalHold(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        c.legalHoldReason = null;
        c.legalHoldBy = null;
        c.legalHoldSince = null;
    }
}
