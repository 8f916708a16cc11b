package org.safemobility.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Invalid;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Registering an applicant: checks the request, allocates a case number, and then writes the case, starts its
 * workflow (which runs to its first user task) and records the audit entry in one transaction, so that a failure
 * anywhere leaves no case, no process and no audit entry behind.
 */
@ApplicationScoped
public class CaseRegistration {

    static final String OPERATION = "register-case";

    @Inject
    OfficeScope scope;

    @Inject
    RegistrationPolicy policy;

    @Inject
    Consents consents;

    @Inject
    CaseNumbers caseNumbers;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    CaseQueries queries;

    @Inject
    CaseViews views;

    @Inject
    Clock clock;

    @Inject
    Event<CaseRegistered> registeredEvents;

    @Inject
    OfficeIntake intake;

    @Inject
    PossibleDuplicates duplicates;

    /** The registered case, and whether it is the replay of an earlier request with the same Idempotency-Key. */
    public record Registered(CaseView view, boolean replayed) {
    }

    /** What an idempotency key's fingerprint covers: the office actually used and the request as parsed. */
    record Fingerprinted(String office, RegistrationRequest request) {
    }

    /**
     * Not transactional itself: the case number is allocated in its own short transaction before the main one, so
     * that at no time does a registration hold two database connections.
     */
    public Registered register(RegistrationRequest request, String idempotencyKey) {
        Office office = scope.officeToActIn(request.office(), "office");
        LocalDate officeToday = LocalDate.now(clock.withZone(office.zone()));
        var violations = policy.violations(request, officeToday, office.openedOn());
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        // intake is judged on the day the application was made: one received before a pause is registered during it
        LocalDate applied = request.applicationDate() != null ? request.applicationDate() : officeToday;
        boolean sameDay = applied.equals(officeToday);
        intake.requireOpen(office, applied);
        if (sameDay) {
            intake.requireQuotaLeft(office, officeToday);
        }
        String caller = scope.caller().subject();
        IdempotencyKeys.Keyed keyed = idempotency.keyed(caller, idempotencyKey, OPERATION,
                new Fingerprinted(office.code(), request));
        Optional<String> earlier = idempotency.completed(keyed);
        if (earlier.isPresent()) {
            return replay(earlier.get());
        }
        String caseNumber = caseNumbers.allocate(office.code(), officeToday.getYear());
        java.util.concurrent.atomic.AtomicReference<OfficeIntake.QuotaClaim> quota = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // a concurrent request with the same key may have won the race: the database makes us wait for it
                IdempotencyKeys.Outcome outcome = idempotency.once(keyed, 201, () -> {
                    CaseFile created = create(request, office, caseNumber, caller, keyed != null, sameDay ? null : applied);
                    if (sameDay) {
                        quota.set(intake.countAtCommit(office, officeToday));
                    }
                    return created.id.toString();
                });
                return outcome.replayed() ? replay(outcome.resourceId())
                        : new Registered(views.of(CaseFile.findById(UUID.fromString(outcome.resourceId()))), false);
            });
        } catch (RuntimeException e) {
            if (quota.get() != null && quota.get().refused()) {
                throw intake.quotaReachedOn(office, officeToday); // the day's places were taken while this one was written
            }
            throw e;
        }
    }

    /** Writes the case, starts its workflow (which decides eligibility) and records the audit entry. */
    private CaseFile create(RegistrationRequest request, Office office, String caseNumber, String caller, boolean keyed,
                            LocalDate receivedEarlier) {
        CaseFile registered = newCase(request, office, caseNumber, caller, receivedEarlier);
        registered.persistAndFlush();
        registeredEvents.fire(new CaseRegistered(registered.id, office.code(), registered.applicant.nationality,
                registered.createdAt));
        registered.processInstanceId = workflow.start(registered.id, office.code());
        duplicates.check(registered); // before the registration commits: a likely match opens its review
        CaseFile.flush(); // the workflow's first steps changed the case: answer with the version stored
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseNumber", caseNumber);
        details.put("householdSize", registered.household.size());
        details.put("consent", consents.recordAtRegistration(registered, caller));
        if (keyed) {
            details.put("idempotencyKey", true);
        }
        if (registered.applicationDate != null) {
            details.put("applicationDate", registered.applicationDate.toString());
            details.put("applicationDateReason", registered.applicationDateReason);
        }
        audit.record("case.registered", office.code(), registered.id, details);
        return registered;
    }

    private Registered replay(String caseId) {
        return new Registered(queries.view(UUID.fromString(caseId)), true);
    }

    /** {@code receivedEarlier}: the application's own day when it is before the registration's, else null. */
    private CaseFile newCase(RegistrationRequest request, Office office, String caseNumber, String caller,
                             LocalDate receivedEarlier) {
        var now = clock.instant();
        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.caseNumber = caseNumber;
        c.office = office.code();
        c.status = CaseStatus.REGISTERED;
        if (receivedEarlier != null) {
            c.applicationDate = receivedEarlier;
            c.applicationDateReason = request.applicationDateReason().strip();
        }
        ApplicantDetails in = request.applicant();
        Applicant a = new Applicant();
        a.personId = UUID.randomUUID();
        a.givenName = in.givenName().strip();
        a.familyName = in.familyName().strip();
        a.dateOfBirth = in.dateOfBirth();
        a.sex = in.sex();
        a.nationality = in.nationality();
        a.documentType = in.documentType();
        a.document(in.documentNumber() == null ? null : in.documentNumber().strip());
        a.arrivalDate = in.arrivalDate();
        a.hostCountryStatus = in.hostCountryStatus();
        a.phone(in.phone());
        a.email = in.email() == null ? null : in.email().strip();
        a.preferredLanguage = in.preferredLanguage();
        c.applicant = a;
        c.household = request.householdOrEmpty().stream().map(CaseRegistration::member)
                .collect(Collectors.toCollection(ArrayList::new));
        c.consent = new Consent();
        c.consent.processing = request.consent().processingGiven();
        c.consent.partnerSharing = request.consent().partnerSharingGiven();
        c.consent.hostGovernmentSharing = request.consent().hostGovernmentSharingGiven();
        c.consent.recordedAt = now;
        c.registeredBy = caller;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** A new person on the household (an edit keeps the id of a member already on the case: {@code personId}). */
    static HouseholdMember member(HouseholdMemberDetails in) {
        HouseholdMember m = new HouseholdMember();
        m.personId = in.personId() != null ? in.personId() : UUID.randomUUID();
        m.givenName = in.givenName().strip();
        m.familyName = in.familyName().strip();
        m.dateOfBirth = in.dateOfBirth();
        m.relationship = in.relationship();
        m.nationality = in.nationality();
        m.documentType = in.documentType();
        m.document(in.documentNumber() == null ? null : in.documentNumber().strip());
        m.vulnerabilities = in.vulnerabilitiesOrEmpty().stream().map(Enum::name)
                .collect(Collectors.toCollection(ArrayList::new));
        return m;
    }
}
