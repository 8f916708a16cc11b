package org.safemobility.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A caseworker's request to serve an applicant the rules refused, with a written justification, and the answer of a
 * supervisor of the office (a different person). Kept with the decision it overrides.
 */
@Embeddable
public class EligibilityOverride {

    public enum Decision {
        APPROVED, REJECTED
    }

    @Column(name = "override_justification")
    public String justification;

    @Column(name = "override_pathways")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> pathways;

    @Column(name = "override_requested_by")
    public String requestedBy;

    @Column(name = "override_requested_at")
    public Instant requestedAt;

    @Column(name = "override_decision")
    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "override_decided_by")
    public String decidedBy;

    @Column(name = "override_decided_at")
    public Instant decidedAt;

    @Column(name = "override_reason")
    public String reason;
}
