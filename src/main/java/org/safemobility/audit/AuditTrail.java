package org.safemobility.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.safemobility.access.Caller;
import org.safemobility.access.CurrentCaller;
import org.safemobility.http.RequestIds;

/**
 * Writes audit entries. MANDATORY: an entry is only ever written inside the transaction of the change it records,
 * so the two commit or roll back together.
 *
 * <p>Entries are composed when recorded (who, when, what) but inserted just before the transaction completes: the
 * insert extends the hash chain under a lock on the chain's head that is held until commit (migration V12), so the
 * later it comes, the shorter other transactions wait for the chain. A synchronization registered with the
 * transaction manager inserts them, after the persistence context has flushed, on the transaction's own connection
 * (plain JDBC: the persistence context has already handed its connection back by then).
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of changes no person made (timers, jobs). */
    public static final String SYSTEM = "system";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Inject
    TransactionManager transactionManager;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private static final Object PENDING = AuditTrail.class.getName() + ".pending";

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String action, String office, UUID caseId, Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        if (Arc.container().requestContext().isActive()) {
            Caller caller = currentCaller.get();
            event.actor = caller.subject();
            event.actorRoles = caller.roles().stream().sorted().toList();
        } else { // the engine's job executor, start-up: no person acted
            event.actor = SYSTEM;
            event.actorRoles = List.of();
        }
        event.office = office;
        event.action = action;
        event.caseId = caseId;
        event.requestId = RequestIds.current();
        event.clientRequestId = RequestIds.client();
        event.details = details == null || details.isEmpty() ? null : details;
        pending().add(event);
        return event;
    }

    /**
     * As {@link #record}, for work the system does on someone's decision (a bulk action's cases): the entry names the
     * person who decided, not the job that carried it out.
     */
    public AuditEvent recordOnBehalfOf(String decidedBy, String action, String office, UUID caseId, Map<String, Object> details) {
        AuditEvent event = record(action, office, caseId, details);
        event.actor = decidedBy;
        return event;
    }

    /** The entries this transaction recorded and has yet to write; the first call arranges for their writing. */
    private List<AuditEvent> pending() {
        @SuppressWarnings("unchecked")
        List<AuditEvent> pending = (List<AuditEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            List<AuditEvent> entries = new ArrayList<>();
            transactions.putResource(PENDING, entries);
            try {
                transactionManager.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        insert(entries);
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            } catch (RollbackException | SystemException e) {
                throw new IllegalStateException("cannot record an audit entry: the transaction is ending", e);
            }
            pending = entries;
        }
        return pending;
    }

    private void insert(List<AuditEvent> entries) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into smo.audit_event (occurred_at, actor, actor_roles, office, action, case_id, request_id,
                                                  client_request_id, details)
                     values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
            for (AuditEvent e : entries) {
                insert.setObject(1, java.time.OffsetDateTime.ofInstant(e.occurredAt, java.time.ZoneOffset.UTC));
                insert.setString(2, e.actor);
                insert.setArray(3, connection.createArrayOf("text", e.actorRoles.toArray()));
                insert.setString(4, e.office);
                insert.setString(5, e.action);
                insert.setObject(6, e.caseId);
                insert.setString(7, e.requestId);
                insert.setString(8, e.clientRequestId);
                insert.setString(9, e.details == null ? null : json.writeValueAsString(e.details));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // thrown from beforeCompletion: the transaction rolls back with the change it would have recorded
            throw new IllegalStateException("the audit entries could not be written", e);
        }
    }

    /** One entry as other capabilities read it. */
    public record Entry(Instant occurredAt, String actor, String action, Map<String, Object> details) {
    }

    /** The entries of one case, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> forCase(UUID caseId) {
        return AuditEvent.<AuditEvent>list("caseId = ?1 order by occurredAt, id", caseId).stream()
                .map(e -> new Entry(e.occurredAt, e.actor, e.action, e.details)).toList();
    }
}
