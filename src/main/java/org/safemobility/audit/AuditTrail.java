package org.safemobility.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
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

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String action, String office, UUID caseId, Map<String, Object> details) {
        Caller caller = currentCaller.get();
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.actor = caller.subject();
        event.actorRoles = caller.roles().stream().sorted().toList();
        event.office = office;
        event.action = action;
        event.caseId = caseId;
        event.requestId = RequestIds.current();
        event.details = details == null || details.isEmpty() ? null : details;
        event.persist();
        return event;
    }
}
