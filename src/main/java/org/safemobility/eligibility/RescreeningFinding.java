package org.safemobility.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What re-screening found for a closed case under one version of the rules: that it is now eligible, and why. It
 * stays open until a caseworker reopens the case or keeps it closed.
 */
@Entity
@Table(name = "rescreening")
@IdClass(RescreeningFinding.Key.class)
public class RescreeningFinding extends PanacheEntityBase {

    public record Key(UUID caseId, int decisionVersion) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Column(name = "decision_version")
    public int decisionVersion;

    @Column(name = "eligible_pathways")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> pathways;

    @Column(name = "rule_id")
    public String ruleId;

    public String reason;

    @Column(name = "application_date")
    public LocalDate applicationDate;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** REOPENED or KEPT_CLOSED once reviewed. */
    public String outcome;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    static Optional<RescreeningFinding> openFor(UUID caseId) {
        return RescreeningFinding.<RescreeningFinding>find("caseId = ?1 and outcome is null order by decisionVersion desc", caseId)
                .firstResultOptional();
    }

    /** The case's decision becomes this finding's: eligible, under the rules version that found it so. */
    void applyTo(RecordedEligibility r) {
        r.eligible = true;
        r.pathways = pathways;
        r.ruleId = ruleId;
        r.reason = reason;
        r.decisionVersion = decisionVersion;
        r.decidedAt = openedAt;
        r.applicationDate = applicationDate;
    }
}
