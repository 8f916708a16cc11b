package org.safemobility.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The eligibility decision recorded for a case: the answer, the rule and rules version that gave it, and the inputs
 * it was given (they may be corrected on the case later; the decision keeps what it saw), and any override of a
 * refusal. Re-screening that reopens a case replaces the decision with the new one.
 */
@Entity
@Table(name = "eligibility_decision")
public class RecordedEligibility extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public boolean eligible;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> pathways;

    @Column(name = "rule_id")
    public String ruleId;

    public String reason;

    @Column(name = "decision_version")
    public int decisionVersion;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String nationality;

    @Column(name = "arrival_date")
    public LocalDate arrivalDate;

    @Column(name = "application_date")
    public LocalDate applicationDate;

    /** Null unless a caseworker asked to override the refusal. */
    @Embedded
    public EligibilityOverride override;
}
