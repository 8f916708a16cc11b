package org.safemobility.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something an office's supervisors must look at, until one of them acknowledges it. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    public static final String TASK_OVERDUE = "TASK_OVERDUE";
    /** A partner has not decided on a referral within the SLA; the referral stays open. */
    public static final String PARTNER_DECISION_OVERDUE = "PARTNER_DECISION_OVERDUE";
    /** The workflow could not send a referral (no consent to share, no partner for the pathway): an incident waits. */
    public static final String REFERRAL_BLOCKED = "REFERRAL_BLOCKED";
    /** A webhook event was not delivered within the retry budget. */
    public static final String WEBHOOK_DEAD_LETTERED = "WEBHOOK_DEAD_LETTERED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    public String office;

    @Column(name = "case_id")
    public UUID caseId;

    public String activity;

    @Column(name = "task_id")
    public String taskId;

    /** A referral or webhook event id; one open escalation per kind and reference. */
    public String reference;

    public String detail;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
}
