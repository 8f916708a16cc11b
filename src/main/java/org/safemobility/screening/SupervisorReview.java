package org.safemobility.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest supervisor review: one pathway approved, or the interview returned with a reason. */
@Entity
@Table(name = "supervisor_review")
public class SupervisorReview extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;


    /** APPROVED or RETURNED. */
    @Column(name = "decision")
    public String decision;

    @Column(name = "pathway")
    public String pathway;

    @Column(name = "reason")
    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
