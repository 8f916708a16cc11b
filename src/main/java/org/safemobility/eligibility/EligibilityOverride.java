package org.safemobility.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A caseworker's request to serve an applicant the rules refused, with a written justification, and the answer of a
 * supervisor of the office (a different person).
 */
@Entity
@Table(name = "eligibility_override")
public class EligibilityOverride extends PanacheEntityBase {

    public enum Decision {
        APPROVED, REJECTED
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public String justification;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> pathways;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;
}
