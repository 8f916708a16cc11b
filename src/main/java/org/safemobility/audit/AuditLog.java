package org.safemobility.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.errors.Invalid;
import org.safemobility.http.CountedTotal;
import org.safemobility.http.Csv;

/** The audit trail as admins read it: searched, exported, and its hash chain verified. */
@ApplicationScoped
public class AuditLog {

    static final int VERIFY_BATCH = 10_000;
    static final int EXPORT_BATCH = 1_000;
    /** An export is built in memory: beyond this many entries the caller narrows the period. */
    static final long EXPORT_MAX = 100_000;
    private static final HexFormat HEX = HexFormat.of();

    /** What to look for; every field optional. */
    public record Filter(UUID caseId, String actor, String action, Instant from, Instant to) {

        Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            if (caseId != null) described.put("caseId", caseId.toString());
            if (actor != null) described.put("actor", actor);
            if (action != null) described.put("action", action);
            if (from != null) described.put("from", from.toString());
            if (to != null) described.put("to", to.toString());
            return described;
        }
    }

    @Schema(name = "AuditEntry")
    public record EntryView(long seq, long id, Instant occurredAt, String actor, List<String> actorRoles, String office,
                            String action, UUID caseId, String requestId, String clientRequestId,
                            Map<String, Object> details, String hash) {
    }

    /** A page of entries; the total is counted up to {@link CountedTotal#COUNTED} (the log grows with every step). */
    @Schema(name = "AuditPage")
    public record Page(List<EntryView> items,
                       @Schema(description = "How many entries match, counted up to 10,000 (see totalCapped)") long total,
                       @Schema(description = "True when more than 10,000 entries match: total then says 10,000")
                       boolean totalCapped,
                       int page, int size) {
    }

    @Schema(name = "AuditVerification")
    public record Verification(
            @Schema(description = "Whether every entry checked is unchanged and in its place") boolean intact,
            @Schema(description = "Entries checked") long checked,
            @Schema(description = "The chain's length, as its head records it") long headSeq,
            @Schema(description = "The first link that does not hold, if any") BrokenLink firstBroken,
            long millis) {
    }

    @Schema(name = "AuditBrokenLink")
    public record BrokenLink(long seq, Long id, String problem) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    /** A page of entries, newest first. The search is itself audited, with the entries it returned. */
    @Transactional
    public Page search(Filter filter, int page, int size) {
        var query = AuditEvent.<AuditEvent>find(where(filter), Sort.descending("seq"), parameters(filter)).page(page, size);
        List<EntryView> items = query.list().stream().map(AuditLog::view).toList();
        CountedTotal total = CountedTotal.of(countUpTo(filter, CountedTotal.LIMIT));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filter", filter.describe());
        details.put("page", page);
        details.put("returned", items.stream().map(EntryView::seq).toList());
        trail.record("audit.searched", null, null, details);
        return new Page(items, total.total(), total.capped(), page, size);
    }

    /** Every entry the filter matches, oldest first, as CSV written batch by batch (keyset on seq). */
    @Transactional
    public void export(Filter filter, OutputStream out) {
        if (countUpTo(filter, EXPORT_MAX + 1) > EXPORT_MAX) {
            throw Invalid.of("from", "more than " + EXPORT_MAX + " entries match; an export holds at most "
                    + EXPORT_MAX + ": narrow the period with from and to");
        }
        write(out, "seq,id,occurred_at,actor,actor_roles,office,action,case_id,request_id,client_request_id,details,hash\r\n");
        long after = 0;
        long rows = 0;
        Parameters parameters = parameters(filter);
        while (true) {
            List<AuditEvent> batch = AuditEvent.<AuditEvent>find(where(filter) + " and seq > :after", Sort.ascending("seq"),
                    parameters.and("after", after)).page(0, EXPORT_BATCH).list();
            for (AuditEvent e : batch) {
                write(out, String.join(",", Long.toString(e.seq), Long.toString(e.id), e.occurredAt.toString(), Csv.cell(e.actor),
                        Csv.cell(String.join(" ", e.actorRoles)), Csv.cell(e.office), Csv.cell(e.action),
                        e.caseId == null ? "" : e.caseId.toString(), Csv.cell(e.requestId), Csv.cell(e.clientRequestId),
                        Csv.cell(e.details == null ? null : toJson(e.details)), HEX.formatHex(e.hash)) + "\r\n");
                after = e.seq;
            }
            rows += batch.size();
            em.clear(); // keep the persistence context small over a long export
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filter", filter.describe());
        details.put("exported", rows);
        trail.record("audit.exported", null, null, details);
    }

    /**
     * Walks the chain from its first entry in batches, recomputing each entry's hash in the database (the same
     * function that made it): a changed entry, a missing one (a gap in seq), a link to a hash other than its
     * predecessor's, or a tail cut off behind the head each stop the walk at the first such entry.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600) // a million entries take a while to walk
    public Verification verify() {
        long started = System.nanoTime();
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from smo.audit_chain_head").getSingleResult();
        long headSeq = ((Number) head[0]).longValue();
        byte[] headHash = (byte[]) head[1];
        byte[] previous = new byte[32];
        long expected = 1;
        long checked = 0;
        BrokenLink broken = null;
        walk:
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> batch = em.createNativeQuery("""
                            select e.seq, e.id, e.prev_hash, e.hash, smo.audit_entry_digest(e.prev_hash, e) = e.hash
                              from smo.audit_event e
                             where e.seq >= ?1 and e.seq <= ?2
                             order by e.seq limit ?3""")
                    .setParameter(1, expected).setParameter(2, headSeq).setParameter(3, VERIFY_BATCH).getResultList();
            for (Object[] row : batch) {
                long seq = ((Number) row[0]).longValue();
                long id = ((Number) row[1]).longValue();
                if (seq != expected) {
                    broken = new BrokenLink(expected, null, "entry missing: the chain goes from " + (expected - 1) + " to " + seq);
                    break walk;
                }
                if (!Arrays.equals((byte[]) row[2], previous)) {
                    broken = new BrokenLink(seq, id, "link broken: the entry does not point at the hash of entry " + (seq - 1));
                    break walk;
                }
                if (!Boolean.TRUE.equals(row[4])) {
                    broken = new BrokenLink(seq, id, "entry changed: its content no longer gives its hash");
                    break walk;
                }
                previous = (byte[]) row[3];
                expected = seq + 1;
                checked++;
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        if (broken == null && expected <= headSeq) {
            broken = new BrokenLink(expected, null, "entry missing: the chain ends at " + (expected - 1) + " but its head is at " + headSeq);
        } else if (broken == null && headSeq > 0 && !Arrays.equals(previous, headHash)) {
            broken = new BrokenLink(headSeq, null, "head changed: the last entry's hash is not the one the head recorded");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("intact", broken == null);
        details.put("checked", checked);
        if (broken != null) {
            details.put("firstBrokenSeq", broken.seq());
        }
        trail.record("audit.verified", null, null, details);
        return new Verification(broken == null, checked, headSeq, broken, millis);
    }

    private static String where(Filter f) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        if (f.caseId() != null) conditions.add("caseId = :caseId");
        if (f.actor() != null) conditions.add("actor = :actor");
        if (f.action() != null) conditions.add("action = :action");
        if (f.from() != null) conditions.add("occurredAt >= :from");
        if (f.to() != null) conditions.add("occurredAt < :to");
        return String.join(" and ", conditions);
    }

    /**
     * How many entries match, counted no further than {@code limit} (an exact count of the whole log read millions
     * of rows). The filter's conditions as {@link #where} has them, in SQL.
     */
    private long countUpTo(Filter f, long limit) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (f.caseId() != null) conditions.add("e.case_id = :caseId");
        if (f.actor() != null) conditions.add("e.actor = :actor");
        if (f.action() != null) conditions.add("e.action = :action");
        if (f.from() != null) conditions.add("e.occurred_at >= :from");
        if (f.to() != null) conditions.add("e.occurred_at < :to");
        var counting = em.createNativeQuery("select count(*) from (select 1 from smo.audit_event e where "
                + String.join(" and ", conditions) + " limit " + limit + ") counted", Long.class);
        parameters(f).map().forEach(counting::setParameter);
        return ((Number) counting.getSingleResult()).longValue();
    }

    private static Parameters parameters(Filter f) {
        Parameters p = new Parameters();
        if (f.caseId() != null) p.and("caseId", f.caseId());
        if (f.actor() != null) p.and("actor", f.actor());
        if (f.action() != null) p.and("action", f.action());
        if (f.from() != null) p.and("from", f.from());
        if (f.to() != null) p.and("to", f.to());
        return p;
    }

    private static EntryView view(AuditEvent e) {
        return new EntryView(e.seq, e.id, e.occurredAt, e.actor, e.actorRoles, e.office, e.action, e.caseId, e.requestId,
                e.clientRequestId, e.details, HEX.formatHex(e.hash));
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
