package org.safemobility.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} support for POSTs that create something. A key is scoped to the caller; the same key with
 * the same request replays the first outcome (the resource it created), with another request it is refused (422).
 * Keys are remembered for {@code smo.idempotency.retention} (24 h), after which a key may be used afresh.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "smo.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /** How many expired keys one purge statement deletes: short transactions, no long locks. */
    static final int PURGE_BATCH = 10_000;

    /**
     * Forgets keys past their retention, hourly on every replica (deleting twice is harmless); a key is personal
     * data's neighbour (it names a caller) and is kept no longer than it serves.
     */
    @Scheduled(every = "${smo.idempotency.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purgeOlderThan(clock.instant().minus(retention));
    }

    /** Deletes the keys created before {@code cutoff}, in batches; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            delete from smo.idempotency_record
                             where ctid = any(array(select ctid from smo.idempotency_record where created_at < ?1 limit ?2))""")
                    .setParameter(1, cutoff).setParameter(2, PURGE_BATCH).executeUpdate());
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    /**
     * Forgets the keys that created or acted on one resource (a case being erased), in the caller's transaction. Keys
     * live a day, so the table is small and this reads it through.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public int forgetResource(String resourceId) {
        return em.createNativeQuery("delete from smo.idempotency_record where resource_id = ?1")
                .setParameter(1, resourceId).executeUpdate();
    }

    /** A POST that came with an Idempotency-Key: who sent it, the key, the operation and the request's fingerprint. */
    public record Keyed(String caller, String key, String operation, String fingerprint) {
    }

    /** What a keyed POST produced: the resource it created or acted on, and whether this answer is a replay. */
    public record Outcome(String resourceId, boolean replayed) {
    }

    /**
     * The key of a POST, checked (1 to 255 visible ASCII characters, else 400) and bound to the operation and the
     * request as parsed; null when the client sent no key, and then {@link #once} simply runs the work.
     */
    public Keyed keyed(String caller, String key, String operation, Object request) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(HEADER, "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return new Keyed(caller, key, operation, fingerprint(operation, request));
    }

    /**
     * The resource an earlier request with this key completed with, read without claiming the key: lets a retry be
     * answered before any work (e.g. allocating a case number) is done.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> completed(Keyed keyed) {
        return keyed == null ? Optional.empty()
                : find(keyed.caller(), keyed.key()).map(row -> completedWith(row, keyed.fingerprint()));
    }

    /**
     * Runs {@code work} once per key, in the caller's transaction: the key is claimed first (a concurrent request with
     * the same key waits on the row), and the work's resource id is stored with the key when it commits. A key already
     * completed is answered with its resource id, marked as a replay; the same key with another request is 422.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome once(Keyed keyed, int status, Supplier<String> work) {
        if (keyed == null) {
            return new Outcome(work.get(), false);
        }
        Instant now = clock.instant();
        int claimed = em.createNativeQuery("""
                        insert into smo.idempotency_record (caller, idempotency_key, operation, request_fingerprint, created_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (caller, idempotency_key) do update
                           set operation = excluded.operation, request_fingerprint = excluded.request_fingerprint,
                               created_at = excluded.created_at, resource_id = null, response_status = null
                         where smo.idempotency_record.created_at < ?6""")
                .setParameter(1, keyed.caller()).setParameter(2, keyed.key()).setParameter(3, keyed.operation())
                .setParameter(4, keyed.fingerprint()).setParameter(5, now).setParameter(6, now.minus(retention))
                .executeUpdate();
        if (claimed != 1) {
            Object[] row = find(keyed.caller(), keyed.key())
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished while claimed"));
            String earlier = completedWith(row, keyed.fingerprint());
            if (earlier == null) {
                throw new ApiException(ProblemType.CONFLICT, "a request with this Idempotency-Key is still being processed; retry");
            }
            return new Outcome(earlier, true);
        }
        String resourceId = work.get();
        // no entity maps idempotency_record: COMMIT spares a flush (a dirty check of the work's entities) before it
        em.createNativeQuery("""
                        update smo.idempotency_record set resource_id = ?3, response_status = ?4
                         where caller = ?1 and idempotency_key = ?2""")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, keyed.caller()).setParameter(2, keyed.key()).setParameter(3, resourceId)
                .setParameter(4, status).executeUpdate();
        return new Outcome(resourceId, false);
    }

    /**
     * A fingerprint of the operation and its request as parsed (records serialize their fields in declaration
     * order), so whitespace and key order in the client's JSON do not matter.
     */
    String fingerprint(String operation, Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }

    private Optional<Object[]> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_fingerprint, resource_id, coalesce(response_status, 0)
                          from smo.idempotency_record
                         where caller = ?1 and idempotency_key = ?2 and created_at >= ?3""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, clock.instant().minus(retention))
                .getResultList();
        return rows.stream().findFirst();
    }

    /** The resource id a completed key names, null while its first request is still running; 422 for another request. */
    private static String completedWith(Object[] row, String fingerprint) {
        if (!fingerprint.equals(row[0])) {
            throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was already used with a different request; use a new key for a new request");
        }
        return ((Number) row[2]).intValue() > 0 ? (String) row[1] : null;
    }
}
