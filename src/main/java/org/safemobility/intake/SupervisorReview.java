package org.safemobility.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The latest supervisor review: one pathway approved, or the interview returned with a reason. */
@Embeddable
public class SupervisorReview {

    /** APPROVED or RETURNED. */
    @Column(name = "review_decision")
    public String decision;

    @Column(name = "review_pathway")
    public String pathway;

    @Column(name = "review_reason")
    public String reason;

    @Column(name = "review_decided_by")
    public String decidedBy;

    @Column(name = "review_decided_at")
    public Instant decidedAt;
}
