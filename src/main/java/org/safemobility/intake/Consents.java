package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;

/**
 * The applicant's consent, purpose by purpose: recorded at registration for the applicant and their household, given or
 * withdrawn later, each answer kept with when and by whom. Withdrawing consent has effects in the same transaction:
 * to sharing, open referrals are withdrawn (their partners told) and the send step refuses until it is given again; to
 * processing, the case closes as withdrawn and its personal data is erased.
 */
@ApplicationScoped
public class Consents {

    @Schema(name = "ConsentChange")
    public record Change(
            @NotNull @Schema(example = "PARTNER_SHARING") Consent.Purpose purpose,
            @NotNull @Schema(description = "true: given; false: withdrawn") Boolean given,
            @Size(max = 500) @Schema(description = "How the applicant answered, e.g. \"in person, signed form\"") String note) {
    }

    @Schema(name = "ConsentAnswer")
    public record Answer(Consent.Purpose purpose, boolean given, Instant recordedAt, String recordedBy, String note) {
        static Answer of(ConsentRecord r) {
            return new Answer(r.purpose, r.given, r.recordedAt, r.recordedBy, r.note);
        }
    }

    @Schema(name = "CaseConsent", description = "The answer in force per purpose, and every answer given, oldest first")
    public record State(UUID caseId,
                        @Schema(description = "Given for the applicant and the household registered with them")
                        boolean processing, boolean partnerSharing, boolean hostGovernmentSharing,
                        List<Answer> history) {
    }

    @Inject
    OfficeScope scope;

    @Inject
    CaseWithdrawal withdrawal;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<SharingConsentWithdrawn> sharingWithdrawn;

    @Inject
    Event<ProcessingConsentWithdrawn> processingWithdrawn;

    /** The answers given at registration, one record per purpose; returns them for the registration's audit entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Object> recordAtRegistration(CaseFile c, String recordedBy) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Consent.Purpose purpose : Consent.Purpose.values()) {
            ConsentRecord.of(c.id, purpose, c.consent.given(purpose), c.consent.recordedAt, recordedBy, "at registration")
                    .persist();
            answers.put(purpose.name(), c.consent.given(purpose));
        }
        return answers;
    }

    /** The answers as staff read them: audited like any read of the case ({@code case.consent-viewed}). */
    @Transactional
    public State read(UUID caseId) {
        State state = of(caseId);
        audit.record("case.consent-viewed", CaseFile.<CaseFile>findById(caseId).office, caseId, Map.of());
        return state;
    }

    /** The answers, for a capability that audits its own read (the applicant's copy). */
    @Transactional
    public State of(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        return state(c);
    }

    /**
     * Records the applicant's answer for one purpose. The same answer as the one in force changes nothing (and is not
     * recorded twice). Giving consent to a closed case is a conflict; withdrawing is always possible.
     */
    @Transactional
    public State change(UUID caseId, Change change) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        boolean given = change.given();
        if (c.consent.given(change.purpose()) == given) {
            return state(c);
        }
        if (!c.consent.processing) {
            throw new Conflict("the applicant of case " + c.caseNumber + " withdrew consent to processing: the case is "
                    + "closed and its personal data erased; a new registration is needed");
        }
        if (given && c.status.isClosed()) {
            throw new Conflict("case " + c.caseNumber + " is " + c.status + ": consent is no longer asked for it");
        }
        String by = scope.caller().subject();
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        if (change.purpose() == Consent.Purpose.PROCESSING) { // withdrawn: every purpose ends with it
            withdrawAll(c, by, note);
            if (!c.status.isClosed()) {
                withdrawal.close(c, "the applicant withdrew consent to processing",
                        Map.of("consentToProcessingWithdrawn", true));
            }
            CaseFile.flush();
            processingWithdrawn.fire(new ProcessingConsentWithdrawn(c.id, c.office, by));
            return state(c);
        }
        record(c, change.purpose(), given, by, note);
        c.updatedAt = clock.instant();
        CaseFile.flush();
        if (change.purpose() == Consent.Purpose.PARTNER_SHARING && !given) {
            sharingWithdrawn.fire(new SharingConsentWithdrawn(c.id, c.office));
        }
        return state(c);
    }

    /** Every purpose still consented to is withdrawn, each recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawAll(CaseFile c, String by, String note) {
        for (Consent.Purpose purpose : Consent.Purpose.values()) {
            if (c.consent.given(purpose)) {
                record(c, purpose, false, by, note);
            }
        }
    }

    private void record(CaseFile c, Consent.Purpose purpose, boolean given, String by, String note) {
        Instant now = clock.instant();
        ConsentRecord.of(c.id, purpose, given, now, by, note).persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", purpose.name());
        details.put("from", c.consent.given(purpose));
        details.put("to", given);
        c.consent.set(purpose, given, now);
        audit.record("case.consent-changed", c.office, c.id, details);
    }

    private State state(CaseFile c) {
        List<Answer> history = ConsentRecord.<ConsentRecord>list("caseId = ?1 order by id", c.id).stream()
                .map(Answer::of).toList();
        return new State(c.id, c.consent.processing, c.consent.partnerSharing, c.consent.hostGovernmentSharing, history);
    }
}
