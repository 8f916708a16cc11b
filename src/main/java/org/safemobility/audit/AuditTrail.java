package org.safemobility.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.Caller;
import org.safemobility.access.CurrentCaller;
import org.safemobility.http.RequestIds;

/**
 * Writes audit entries. MANDATORY: an entry is only ever written inside the transaction of the change it records,
 * so the two commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of changes no person made (timers, jobs). */
    public static final String SYSTEM = "system";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

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
        event.persist();
        return event;
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
