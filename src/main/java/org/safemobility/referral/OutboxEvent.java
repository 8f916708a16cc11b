package org.safemobility.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An event for a partner's webhook, written in the transaction of the change it announces and delivered after
 * commit by {@link WebhookDelivery}. Its id is the {@code webhook-id}: the same on every attempt, so partners can
 * drop duplicates.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    public enum Status {
        PENDING,
        DELIVERED,
        /** The partner has no webhook URL: it reads its referrals through the API instead. */
        SKIPPED,
        /** Retried for the whole budget without success; a supervisor may retry it. */
        DEAD
    }

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String type;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "referral_id")
    public UUID referralId;

    public String office;

    /** The webhook body as sent: {@code {type, timestamp, data}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retry_from")
    public Instant retryFrom;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "dead_at")
    public Instant deadAt;

    /** The W3C traceparent of the transaction that wrote the event; its delivery continues that trace. */
    @Column(name = "trace_parent")
    public String traceParent;
}
