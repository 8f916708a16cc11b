package org.safemobility.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The eligibility decision as recorded on the case: the answer, the rule and rules version that gave it, and the
 * inputs it was given (they may be corrected on the case later; the decision keeps what it saw).
 */
@Embeddable
public class RecordedEligibility {

    @Column(name = "eligibility_eligible")
    public Boolean eligible;

    @Column(name = "eligibility_pathways")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> pathways;

    @Column(name = "eligibility_rule_id")
    public String ruleId;

    @Column(name = "eligibility_reason")
    public String reason;

    @Column(name = "eligibility_decision_version")
    public Integer decisionVersion;

    @Column(name = "eligibility_decided_at")
    public Instant decidedAt;

    @Column(name = "eligibility_nationality")
    public String nationality;

    @Column(name = "eligibility_arrival_date")
    public LocalDate arrivalDate;

    @Column(name = "eligibility_application_date")
    public LocalDate applicationDate;
}
