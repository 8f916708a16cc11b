package org.safemobility.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of the append-only audit trail: who (subject and roles), where (office), what (action), on which case,
 * in which request, and when. Details never hold personal data, only references (case numbers, ids, filters).
 * Immutable: the database refuses updates and deletes; its place in the hash chain ({@code seq}, {@code prevHash},
 * {@code hash}) is set by the database as the entry is inserted (migration V12).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    @Column(name = "actor_roles")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> actorRoles;

    public String office;

    public String action;

    @Column(name = "case_id")
    public UUID caseId;

    /** The id this service gave the request. */
    @Column(name = "request_id")
    public String requestId;

    /** The {@code X-Request-Id} the caller sent, kept apart: a caller may send any id, or the same one twice. */
    @Column(name = "client_request_id")
    public String clientRequestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    public byte[] prevHash;

    @Column(insertable = false, updatable = false)
    public byte[] hash;
}
