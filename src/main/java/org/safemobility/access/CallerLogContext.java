package org.safemobility.access;

import jakarta.inject.Inject;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts who is calling into the log context of the request, beside its request id: the token's subject (an opaque id of
 * a member of staff or a partner's client, never an applicant's data), the offices or the partner it acts for. The
 * JSON log lines of production carry them (mdc.subject, mdc.offices, mdc.partner), so an operator can follow one
 * person's requests without reading any case.
 */
public class CallerLogContext {

    static final String SUBJECT = "subject";
    static final String OFFICES = "offices";
    static final String PARTNER = "partner";

    @Inject
    CurrentCaller current;

    @ServerRequestFilter
    public void put() {
        Caller caller = current.get();
        MDC.put(SUBJECT, caller.subject());
        if (caller.offices().isEmpty()) {
            MDC.remove(OFFICES);
        } else {
            MDC.put(OFFICES, String.join(",", new java.util.TreeSet<>(caller.offices())));
        }
        if (caller.partner().isPresent()) {
            MDC.put(PARTNER, caller.partner().get());
        } else {
            MDC.remove(PARTNER);
        }
    }
}
