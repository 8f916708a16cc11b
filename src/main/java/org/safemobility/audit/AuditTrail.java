package org.safemobility.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * transaction manager inserts them (and flushes) as the transaction is about to commit.
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
                        entries.forEach(entry -> entry.persist());
                        AuditEvent.flush(); // whichever order the persistence context's own flush runs in
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
