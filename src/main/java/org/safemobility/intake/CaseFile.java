package org.safemobility.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;
import org.safemobility.http.ApiException;

/** An applicant's case at one office: the applicant, their household, their consent, and where the case stands. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    public UUID id;

    /** {@code <office>-<year>-<6 digits>}, e.g. GT-2026-000123: what staff and applicants quote. */
    @Column(name = "case_number")
    public String caseNumber;

    public String office;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Embedded
    public Applicant applicant;

    @ElementCollection
    @CollectionTable(name = "household_member", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    public List<HouseholdMember> household = new ArrayList<>();

    @Embedded
    public Consent consent;

    /** Null until the workflow's eligibility step has decided. */
    @Embedded
    public RecordedEligibility eligibility;

    /** Null unless a caseworker asked to override a refusal. */
    @Embedded
    public EligibilityOverride override;

    /** Null until the interview is scheduled. */
    @Embedded
    public Interview interview;

    /** Null until a supervisor has reviewed the interview. */
    @Embedded
    public SupervisorReview review;

    /** Null unless the applicant withdrew. */
    @Embedded
    public Withdrawal withdrawal;

    /** Why the case was closed, in the words of whoever closed it. */
    @Column(name = "closing_note")
    public String closingNote;

    /**
     * The case's latest process instance (re-screening starts a new one). Bookkeeping, not a change to the case, so it
     * does not bump the version.
     */
    @Column(name = "process_instance_id")
    @OptimisticLock(excluded = true)
    public String processInstanceId;

    /** Subject of the staff member who registered the case. */
    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Optimistic-locking version, exposed as the case's ETag. */
    @Version
    public long version;

    /** The case a workflow step acts on, which must be in the status the step expects (409 otherwise). */
    static CaseFile inStatus(UUID caseId, CaseStatus expected) {
        CaseFile c = findById(caseId);
        if (c == null) {
            throw new IllegalStateException("the workflow refers to case " + caseId + ", which does not exist");
        }
        if (c.status != expected) {
            throw ApiException.conflict("case " + c.caseNumber + " is " + c.status + ", not " + expected);
        }
        return c;
    }
}
