package org.safemobility.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Re-seals every sealed column with the primary key and recomputes blind indexes, table by table in key order, one
 * short transaction per batch, while the service runs: after a key rotation, and once after upgrading to sealed fields
 * (plain rows from before are sealed and indexed). A row changed by a request meanwhile is left alone (the request
 * wrote it with the current key): each update names the values it read. Resumable: a call does what fits in its time
 * budget and answers where to go on from.
 */
@ApplicationScoped
public class Reencryption {

    @Schema(name = "ReencryptionProgress")
    public record Progress(@Schema(description = "Nothing is left to re-seal") boolean done,
                           @Schema(description = "Where to go on from: pass it back as after") String next,
                           @Schema(description = "The key id sealing now") long primaryKeyId,
                           long rowsExamined, long valuesResealed, long indexesRecomputed) {
    }

    /** Where a run stands: the table (by position) and the last key done in it. */
    record Cursor(int table, List<String> key) {
    }

    @Inject
    Instance<SealedColumns> capabilities;

    @Inject
    FieldCipher cipher;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private List<SealedColumns.Table> tables() {
        List<SealedColumns.Table> all = new ArrayList<>();
        capabilities.forEach(c -> all.addAll(c.tables()));
        all.sort(Comparator.comparing(SealedColumns.Table::name)); // the same order on every replica and every call
        return all;
    }

    /**
     * Goes on from {@code after} (null: from the start) for about {@code budget}, {@code batchSize} rows per
     * transaction. The keyset is re-read first, so a rotated Secret takes effect on this replica at once.
     */
    public Progress run(String after, int batchSize, Duration budget) {
        cipher.refresh();
        List<SealedColumns.Table> tables = tables();
        Cursor cursor = after == null || after.isBlank() ? new Cursor(0, null) : decode(after);
        long deadline = System.nanoTime() + budget.toNanos();
        long[] counts = new long[3];
        while (cursor.table() < tables.size() && System.nanoTime() < deadline) {
            SealedColumns.Table table = tables.get(cursor.table());
            Cursor from = cursor;
            List<String> last = QuarkusTransaction.requiringNew().call(() -> batch(table, from.key(), batchSize, counts));
            cursor = last == null ? new Cursor(cursor.table() + 1, null) : new Cursor(cursor.table(), last);
        }
        boolean done = cursor.table() >= tables.size();
        return new Progress(done, done ? null : encode(cursor), Integer.toUnsignedLong(cipher.primaryKeyId()),
                counts[0], counts[1], counts[2]);
    }

    /** One batch after {@code after}; the last key done, or null when the table is done. */
    @SuppressWarnings("unchecked")
    private List<String> batch(SealedColumns.Table t, List<String> after, int size, long[] counts) {
        List<String> columns = new ArrayList<>();
        t.key().forEach(k -> columns.add(k + "::text"));
        columns.addAll(t.sealed());
        t.indexes().forEach(i -> columns.add(i.column()));
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", columns)).append(" from smo.")
                .append(t.name());
        if (after != null) {
            sql.append(" where (").append(String.join(", ", t.key())).append(") > (");
            for (int i = 0; i < t.key().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("cast(?").append(i + 1).append(" as ").append(t.keyTypes().get(i)).append(')');
            }
            sql.append(')');
        }
        sql.append(" order by ").append(String.join(", ", t.key())).append(" limit ").append(size);
        var query = em.createNativeQuery(sql.toString());
        if (after != null) {
            for (int i = 0; i < after.size(); i++) {
                query.setParameter(i + 1, after.get(i));
            }
        }
        List<Object[]> rows = query.getResultList();
        List<String> last = null;
        for (Object[] row : rows) {
            counts[0]++;
            reseal(t, row, counts);
            last = new ArrayList<>();
            for (int i = 0; i < t.key().size(); i++) {
                last.add((String) row[i]);
            }
        }
        return rows.size() < size ? null : last;
    }

    private void reseal(SealedColumns.Table t, Object[] row, long[] counts) {
        int keys = t.key().size();
        List<String> set = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < t.sealed().size(); i++) {
            String stored = (String) row[keys + i];
            plain.add(cipher.open(stored));
            if (!cipher.current(stored)) {
                set.add(t.sealed().get(i));
                values.add(cipher.seal(plain.get(i)));
                counts[1]++;
            }
        }
        for (int i = 0; i < t.indexes().size(); i++) {
            SealedColumns.Index index = t.indexes().get(i);
            String source = plain.get(t.sealed().indexOf(index.source()));
            String wanted = index.kind() == SealedColumns.IndexKind.DOCUMENT ? cipher.documentIndex(source)
                    : cipher.phoneIndex(source);
            if (!Objects.equals(wanted, row[keys + t.sealed().size() + i])) {
                set.add(index.column());
                values.add(wanted);
                counts[2]++;
            }
        }
        if (set.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("update smo.").append(t.name()).append(" set ");
        int p = 0;
        for (String column : set) {
            sql.append(p == 0 ? "" : ", ").append(column).append(" = ?").append(++p);
        }
        sql.append(" where true");
        List<Object> parameters = new ArrayList<>(values);
        for (int i = 0; i < keys; i++) {
            parameters.add(row[i]);
            sql.append(" and ").append(t.key().get(i)).append(" = cast(?").append(parameters.size()).append(" as ")
                    .append(t.keyTypes().get(i)).append(')');
        }
        for (int i = 0; i < t.sealed().size(); i++) { // unchanged since read, or a request rewrote it: leave it
            parameters.add(row[keys + i]);
            sql.append(" and ").append(t.sealed().get(i)).append(" is not distinct from cast(?").append(parameters.size())
                    .append(" as text)");
        }
        var update = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            update.setParameter(i + 1, parameters.get(i));
        }
        update.executeUpdate();
    }

    private String encode(Cursor cursor) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(cursor));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cursor decode(String after) {
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8), Cursor.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw org.safemobility.errors.Invalid.of("after", "is not a position this command gave");
        }
    }
}
