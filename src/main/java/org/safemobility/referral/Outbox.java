package org.safemobility.referral;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.http.Traces;
import org.safemobility.time.Timestamps;

/**
 * The transactional outbox of partner webhooks. Events are written with the change they announce; delivery workers
 * then claim due events in short transactions of their own ({@code FOR UPDATE SKIP LOCKED} plus a lease, so several
 * replicas never send the same event at once and a crashed worker's claim lapses), and record each attempt.
 */
@ApplicationScoped
public class Outbox {

    public static final String REFERRAL_CREATED = "referral.created";
    public static final String REFERRAL_UPDATED = "referral.updated";
    public static final String REFERRAL_WITHDRAWN = "referral.withdrawn";
    /** The pathway was suspended after the referral was sent: the partner need not decide until it resumes. */
    public static final String REFERRAL_HELD = "referral.held";
    /** The suspension that held the referral was lifted: the partner's decision is awaited again. */
    public static final String REFERRAL_RESUMED = "referral.resumed";

    /** Fired when an event is written, so that this replica's workers wake once the transaction commits. */
    public record Enqueued(UUID eventId) {
    }

    /** An event a worker holds: what to send, and where. */
    record Claimed(UUID id, String type, String partnerId, String body, int attempts, Instant createdAt,
                   Instant retryFrom, String webhookUrl, String encryptedSecret, UUID referralId, String office,
                   String traceParent) {
    }

    @Schema(name = "DeadLetter")
    public record DeadLetterView(UUID id, String type, String partner, UUID referralId, String caseNumber, String office,
                                 int attempts, Integer lastStatus,
                                 @Schema(description = "The kind of the last failure, never the remote side's words: "
                                         + "HTTP_ERROR (see lastStatus), BLOCKED_ADDRESS, DNS_FAILURE, CONNECT_TIMEOUT, "
                                         + "TIMEOUT, TLS_FAILURE, CONNECTION_FAILED, NETWORK_ERROR, DELIVERY_ERROR")
                                 String lastError, Instant createdAt, Instant deadAt,
                                 OutboxEvent.Status status) {
    }

    @Schema(name = "DeadLetterPage")
    public record DeadLetterPage(List<DeadLetterView> items, long total, int page, int size) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<Enqueued> enqueued;

    @Inject
    WebhookConfig config;

    @Inject
    OfficeScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    Event<WebhookDeadLettered> deadLettered;

    @Inject
    Clock clock;

    /** Writes the event announcing this change of the referral, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Referral referral, String type, Partner partner) {
        Instant now = clock.instant();
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.type = type;
        e.partnerId = referral.partnerId;
        e.referralId = referral.id;
        e.office = referral.office;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referral.id.toString());
        data.put("caseNumber", referral.caseNumber);
        data.put("office", referral.office);
        data.put("pathway", referral.pathway.name());
        data.put("status", referral.status.name());
        data.put("revision", referral.revision);
        if (referral.heldSince != null) {
            data.put("heldSince", referral.heldSince.toString());
        }
        data.put("href", "/api/v1/partner/referrals/" + referral.id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        e.payload = payload;
        e.status = partner.webhookUrl == null ? OutboxEvent.Status.SKIPPED : OutboxEvent.Status.PENDING;
        e.createdAt = now;
        e.retryFrom = now;
        e.nextAttemptAt = now;
        e.traceParent = Traces.currentParent();
        e.persist();
        if (e.status == OutboxEvent.Status.PENDING) {
            enqueued.fire(new Enqueued(e.id));
        }
    }

    /**
     * Claims up to {@code limit} due events, oldest due first, skipping rows another worker is claiming and events
     * whose referral has an earlier event still pending (a partner sees a referral's events in order).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update smo.outbox_event e set locked_until = ?1
                         where e.id in (
                               select o.id from smo.outbox_event o
                                where o.status = 'PENDING' and o.next_attempt_at <= ?2
                                  and (o.locked_until is null or o.locked_until < ?2)
                                  and not exists (select 1 from smo.outbox_event p
                                                   where p.referral_id = o.referral_id and p.status = 'PENDING'
                                                     and p.seq < o.seq)
                                order by o.next_attempt_at
                                limit ?3
                                for update skip locked)
                        returning e.id, e.type, e.partner_id, cast(e.payload as text), e.attempts, e.created_at,
                                  e.retry_from, e.referral_id, e.office, e.trace_parent""")
                .setParameter(1, now.plus(lease)).setParameter(2, now).setParameter(3, limit)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Partner partner = Partner.findById((String) r[2]);
            claimed.add(new Claimed((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    Timestamps.instant(r[5]), Timestamps.instant(r[6]), partner == null ? null : partner.webhookUrl,
                    partner == null ? null : partner.webhookSecretEncrypted, (UUID) r[7], (String) r[8], (String) r[9]));
        }
        return claimed;
    }

    /** A successful delivery: the event, the partner's status code, and when. */
    record Delivered(UUID id, int status, Instant at) {
    }

    /**
     * Records a batch's successful deliveries in one transaction (one commit, not one per event). Should the worker
     * die before it commits, those events are sent again: delivery is at least once, and partners drop duplicates by
     * their {@code webhook-id}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delivered(List<Delivered> done) {
        for (Delivered d : done) {
            em.createNativeQuery("""
                            update smo.outbox_event set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?2,
                                   last_attempt_at = ?2, last_status = ?3, last_error = null, locked_until = null
                             where id = ?1""")
                    .setParameter(1, d.id()).setParameter(2, d.at()).setParameter(3, d.status()).executeUpdate();
        }
    }

    /** The partner's webhook URL was removed after the event was written: it reads its referrals instead. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void skipped(UUID id) {
        em.createNativeQuery("update smo.outbox_event set status = 'SKIPPED', locked_until = null where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /**
     * A failed attempt: the next one after an exponentially growing delay with jitter (half fixed, half random, so
     * that a partner coming back is not hit by every replica's retries at the same instant), or the dead-letter
     * queue once the retry budget is spent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(Claimed event, Integer status, String error) {
        Instant now = clock.instant();
        int attempts = event.attempts() + 1;
        Duration delay = backoff(attempts);
        Instant next = now.plus(delay);
        boolean dead = next.isAfter(event.retryFrom().plus(config.retry().budget()));
        String lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        em.createNativeQuery("""
                        update smo.outbox_event set attempts = ?2, last_attempt_at = ?3, last_status = ?4, last_error = ?5,
                               locked_until = null, next_attempt_at = ?6, status = ?7, dead_at = ?8
                         where id = ?1""")
                .setParameter(1, event.id()).setParameter(2, attempts).setParameter(3, now).setParameter(4, status)
                .setParameter(5, lastError).setParameter(6, next).setParameter(7, dead ? "DEAD" : "PENDING")
                .setParameter(8, dead ? now : null).executeUpdate();
        if (dead) {
            deadLettered.fire(new WebhookDeadLettered(event.office(), caseOf(event.referralId()), event.id().toString(),
                    "webhook " + event.type() + " to partner " + event.partnerId() + " failed " + attempts
                            + " times; last: " + (status == null ? lastError : "HTTP " + status)));
        }
    }

    Duration backoff(int attempts) {
        long initial = config.retry().initial().toMillis();
        long cap = config.retry().maxDelay().toMillis();
        long delay = attempts >= 31 ? cap : Math.min(cap, initial << Math.min(attempts - 1, 30));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    /** Events waiting for delivery (pending), for the metrics gauge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pending() {
        return OutboxEvent.count("status", OutboxEvent.Status.PENDING);
    }

    /** Dead letters of every office, for the metrics gauge: events that failed for their whole retry budget. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long dead() {
        return OutboxEvent.count("status", OutboxEvent.Status.DEAD);
    }

    /** Dead-lettered events of the supervisor's offices (or the one asked for), most recent first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadLetterPage deadLetters(String office, int page, int size) {
        Set<String> offices = scope.officesToRead(office, "office");
        var query = OutboxEvent.<OutboxEvent>find("status = :status and office in :offices",
                Sort.descending("deadAt").and("id"), Parameters.with("status", OutboxEvent.Status.DEAD)
                        .and("offices", offices)).page(page, size);
        List<OutboxEvent> events = query.list();
        Map<UUID, String> caseNumbers = events.isEmpty() ? Map.of() : Referral.<Referral>list("id in ?1",
                        events.stream().map(e -> e.referralId).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.id, r -> r.caseNumber));
        return new DeadLetterPage(events.stream().map(e -> view(e, caseNumbers.get(e.referralId))).toList(),
                query.count(), page, size);
    }

    /** Sends a dead letter again, with a fresh retry budget and the same event id. */
    @Transactional
    public DeadLetterView retry(UUID id) {
        OutboxEvent e = OutboxEvent.findById(id);
        scope.requireVisible(e == null ? null : e.office, "dead letter " + id + " not found");
        if (e.status != OutboxEvent.Status.DEAD) {
            throw new Conflict("event " + id + " is " + e.status + ", not dead-lettered");
        }
        Instant now = clock.instant();
        e.status = OutboxEvent.Status.PENDING;
        e.attempts = 0;
        e.retryFrom = now;
        e.nextAttemptAt = now;
        e.deadAt = null;
        e.lockedUntil = null;
        audit.record("webhook.retried", e.office, caseOf(e.referralId), Map.of("eventId", e.id.toString(),
                "type", e.type, "partner", e.partnerId));
        enqueued.fire(new Enqueued(e.id));
        Referral r = Referral.findById(e.referralId);
        return view(e, r == null ? null : r.caseNumber);
    }

    private static DeadLetterView view(OutboxEvent e, String caseNumber) {
        return new DeadLetterView(e.id, e.type, e.partnerId, e.referralId, caseNumber, e.office, e.attempts,
                e.lastStatus, e.lastError, e.createdAt, e.deadAt, e.status);
    }

    private static UUID caseOf(UUID referralId) {
        Referral r = Referral.findById(referralId);
        return r == null ? null : r.caseId;
    }

}
