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

/**
 * An applicant's case at one office: the applicant, their household, their consent, and where the case stands. What
 * other capabilities record about the case (the eligibility decision, the interview, referrals) lives in their own
 * tables, keyed by the case id; the status changes only through {@link CaseLifecycle}.
 */
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

    /** Null unless the applicant withdrew. */
    @Embedded
    public Withdrawal withdrawal;

    /** Why the case was closed, in the words of whoever closed it. */
    @Column(name = "closing_note")
    public String closingNote;

    /** The programme decision that closed the case (a bulk close); null when it closed by its own journey. */
    @Enumerated(EnumType.STRING)
    @Column(name = "closing_outcome")
    public ClosingOutcome closingOutcome;

    /** Since when a supervisor's or an admin's decision holds the case (its workflow suspended); null: not held. */
    @Column(name = "held_since")
    public Instant heldSince;

    @Column(name = "hold_reason")
    public String holdReason;

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

    /** The day the application was made, when earlier than the registration (null: the day of registration). */
    @Column(name = "application_date")
    public java.time.LocalDate applicationDate;

    @Column(name = "application_date_reason")
    public String applicationDateReason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the case reached a closed status (null while open, or reopened): its retention period runs from here. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the case's personal data was erased (null: held as registered); what statistics need stays. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** The applicant asked for erasure while a legal hold kept the data: erased once the hold is lifted. */
    @Column(name = "erasure_requested_at")
    public Instant erasureRequestedAt;

    /** Why the case's data must be kept past its retention and may not be erased (null: no legal hold). */
    @Column(name = "legal_hold_reason")
    public String legalHoldReason;

    @Column(name = "legal_hold_by")
    public String legalHoldBy;

    @Column(name = "legal_hold_since")
    public Instant legalHoldSince;

    /** Optimistic-locking version, exposed as the case's ETag. */
    @Version
    public long version;
}
