package org.safemobility.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeScope;
import org.safemobility.access.Roles;
import org.safemobility.audit.AuditTrail;
import org.safemobility.codes.OfficeCode;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.intake.CaseSelection;
import org.safemobility.intake.CaseStatus;
import org.safemobility.intake.ClosingOutcome;
import org.safemobility.referral.PathwayHolds;

/**
 * Bulk actions as supervisors and admins ask for them: a dry run says how many cases a decision would touch; a real
 * one fixes the matching cases when it is accepted (so that cases registered meanwhile are not swept up, and a resumed
 * job knows exactly what is left) and is then worked through by {@link BulkActionRunner}. Supervisors act on their
 * own office; admins on any.
 */
@ApplicationScoped
public class BulkActions {

    static final String OPERATION = "bulk-action";

    @Schema(name = "BulkActionRequest")
    public record Request(
            @NotNull BulkAction.Kind action,
            @OfficeCode @Schema(description = "Office code; supervisors of one office may omit it") String office,
            @Valid @Schema(description = "Which cases; absent: every case the action applies to") BulkAction.Filter filter,
            @Schema(description = "Required to close: the outcome recorded on every case closed") ClosingOutcome outcome,
            @NotBlank @Size(max = 1000) @Schema(description = "The decision behind it, recorded on every case's audit entry")
            String reason,
            @Schema(description = "Only count the cases it would touch; nothing changes", defaultValue = "false")
            Boolean dryRun) {

        boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }
    }

    @Schema(name = "BulkActionPreview")
    public record Preview(String office, BulkAction.Kind action, BulkAction.Filter filter, long matches,
                          @Schema(description = "The matching cases by status") Map<CaseStatus, Long> byStatus) {
    }

    @Schema(name = "BulkActionCaseResult")
    public record CaseResult(UUID caseId, String result, String detail, Instant processedAt) {
    }

    @Schema(name = "BulkAction")
    public record View(UUID id, String office, BulkAction.Kind action, BulkAction.Filter filter, ClosingOutcome outcome,
                       String reason, BulkAction.State state,
                       @Schema(description = "Cases the action applies to, fixed when it was accepted") int matched,
                       int done, @Schema(description = "Nothing to do (the case had moved on meanwhile); see skippedBecause")
                       int skipped, int failed, int remaining,
                       @Schema(description = "Why cases were skipped, with how many each") Map<String, Long> skippedBecause,
                       @Schema(description = "The first failures (at most 50)") List<CaseResult> failures,
                       String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt) {
    }

    @Schema(name = "BulkActionPage")
    public record Page(List<View> items, long total, int page, int size) {
    }

    /** What a key's fingerprint covers: the office acted in and the request as parsed. */
    record Fingerprinted(String office, Request request) {
    }

    @Inject
    OfficeScope scope;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    CaseSelection cases;

    @Inject
    PathwayHolds pathways;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Preview preview(@Valid Request request) {
        Office office = scope.officeToInspect(request.office(), "office");
        Map<CaseStatus, Long> byStatus = cases.countByStatus(criteria(office, request.action(), request.filter()));
        return new Preview(office.code(), request.action(), request.filter(),
                byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
    }

    /**
     * Accepts the action: fixes its cases and queues it. With an {@code Idempotency-Key}, a retry of the same request
     * names the action the first one created.
     *
     * @return the action's id
     */
    @Transactional
    public UUID request(@Valid Request request, String idempotencyKey) {
        Office office = scope.officeToInspect(request.office(), "office");
        CaseSelection.Criteria criteria = criteria(office, request.action(), request.filter());
        if (request.action() == BulkAction.Kind.CLOSE && request.outcome() == null) {
            throw Invalid.of("outcome", "is required to close cases: " + Arrays.toString(ClosingOutcome.values()));
        }
        if (request.action() != BulkAction.Kind.CLOSE && request.outcome() != null) {
            throw Invalid.of("outcome", "only a CLOSE has an outcome");
        }
        String caller = scope.caller().subject();
        IdempotencyKeys.Keyed keyed = idempotency.keyed(caller, idempotencyKey, OPERATION,
                new Fingerprinted(office.code(), request));
        return UUID.fromString(idempotency.once(keyed, 202, () -> create(office, request, criteria, caller)).resourceId());
    }

    private String create(Office office, Request request, CaseSelection.Criteria criteria, String caller) {
        BulkAction action = new BulkAction();
        action.id = UUID.randomUUID();
        action.office = office.code();
        action.action = request.action();
        action.filter = request.filter() == null ? new BulkAction.Filter(null, null, null, null) : request.filter();
        action.outcome = request.outcome();
        action.reason = request.reason().strip();
        action.state = BulkAction.State.QUEUED;
        action.requestedBy = caller;
        action.requestedAt = clock.instant();
        action.persist();
        em.flush();
        List<UUID> matching = cases.ids(criteria);
        action.matched = em.createNativeQuery("""
                        insert into smo.bulk_action_case (action_id, case_id)
                        select ?1, unnest(cast(?2 as uuid[]))""")
                .setParameter(1, action.id)
                .setParameter(2, "{" + String.join(",", matching.stream().map(UUID::toString).toList()) + "}")
                .executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bulkActionId", action.id.toString());
        details.put("action", action.action.name());
        details.put("filter", action.filter);
        details.put("outcome", action.outcome == null ? null : action.outcome.name());
        details.put("reason", action.reason);
        details.put("matched", action.matched);
        audit.record("bulk-action.requested", office.code(), null, details);
        return action.id.toString();
    }

    @Transactional
    public View get(UUID id) {
        return view(visible(id, false));
    }

    @Transactional
    public Page list(String office, int page, int size) {
        var query = scope.caller().hasRole(Roles.ADMIN) && office == null
                ? BulkAction.<BulkAction>find("order by requestedAt desc, id")
                : BulkAction.<BulkAction>find("office in ?1 order by requestedAt desc, id",
                        scope.caller().hasRole(Roles.ADMIN) ? Set.of(scope.officeToInspect(office, "office").code())
                                : scope.officesToRead(office, "office"));
        return new Page(query.page(page, size).stream().map(this::view).toList(), query.count(), page, size);
    }

    /** Stops an action that has not finished: cases not yet reached stay as they are; the status shows how far it came. */
    @Transactional
    public View cancel(UUID id) {
        BulkAction action = visible(id, true);
        if (action.state.finished()) {
            throw new Conflict("bulk action " + id + " is already " + action.state);
        }
        action.state = BulkAction.State.CANCELLED;
        action.finishedAt = clock.instant();
        action.leaseOwner = null;
        action.leaseUntil = null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bulkActionId", id.toString());
        details.put("done", action.done);
        audit.record("bulk-action.cancelled", action.office, null, details);
        return view(action);
    }

    private BulkAction visible(UUID id, boolean forUpdate) {
        BulkAction action = forUpdate ? BulkAction.findById(id, LockModeType.PESSIMISTIC_WRITE) : BulkAction.findById(id);
        if (action == null || !scope.caller().hasRole(Roles.ADMIN)) {
            scope.requireVisible(action == null ? null : action.office, "bulk action " + id + " not found");
        }
        return action;
    }

    View view(BulkAction a) {
        Map<String, Long> skipped = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                        select detail, count(*) from smo.bulk_action_case where action_id = ?1 and result = 'SKIPPED'
                        group by detail order by count(*) desc, detail limit 20""")
                .setParameter(1, a.id).getResultList()) {
            Object[] r = (Object[]) row;
            skipped.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<CaseResult> failures = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select case_id, result, detail, processed_at from smo.bulk_action_case
                        where action_id = ?1 and result = 'FAILED' order by processed_at, case_id limit 50""")
                .setParameter(1, a.id).getResultList()) {
            Object[] r = (Object[]) row;
            failures.add(new CaseResult((UUID) r[0], (String) r[1], (String) r[2], (Instant) r[3]));
        }
        return new View(a.id, a.office, a.action, a.filter, a.outcome, a.reason, a.state, a.matched, a.done, a.skipped,
                a.failed, a.matched - a.done - a.skipped - a.failed, skipped, failures, a.requestedBy, a.requestedAt,
                a.startedAt, a.finishedAt);
    }

    /** The statuses each action can apply to: never a closed case, except re-screening's closed-ineligible ones. */
    static Set<CaseStatus> applicable(BulkAction.Kind action) {
        return switch (action) {
            case HOLD, RESUME, CLOSE -> EnumSet.copyOf(Arrays.stream(CaseStatus.values()).filter(s -> !s.isClosed()).toList());
            case RESCREEN -> EnumSet.of(CaseStatus.CLOSED_INELIGIBLE);
        };
    }

    /** The office's cases the action applies to: the filter, within what the action can apply to at all. */
    private CaseSelection.Criteria criteria(Office office, BulkAction.Kind action, BulkAction.Filter filter) {
        Set<CaseStatus> statuses = applicable(action);
        if (filter != null && filter.statuses() != null && !filter.statuses().isEmpty()) {
            for (CaseStatus s : filter.statuses()) {
                if (!statuses.contains(s)) {
                    throw Invalid.of("filter.statuses", action + " applies only to cases in " + statuses.stream().sorted().toList());
                }
            }
            statuses = EnumSet.copyOf(filter.statuses());
        }
        Boolean held = switch (action) {
            case HOLD -> false;
            case RESUME -> true;
            case CLOSE, RESCREEN -> null;
        };
        Set<UUID> among = null;
        if (filter != null && filter.pathway() != null) {
            among = new java.util.HashSet<>(pathways.casesOn(office.code(), filter.pathway()));
        }
        if (filter != null && filter.activity() != null) {
            // supervision's own table of open tasks, kept in step with the engine
            Set<UUID> waiting = OpenTask.<OpenTask>stream("office = ?1 and activity = ?2", office.code(), filter.activity())
                    .map(t -> t.caseId).collect(java.util.stream.Collectors.toSet());
            if (among == null) {
                among = waiting;
            } else {
                among.retainAll(waiting);
            }
        }
        return new CaseSelection.Criteria(office.code(), statuses, held,
                filter == null || filter.inactiveSince() == null ? null : filter.inactiveSince().atStartOfDay(ZoneOffset.UTC).toInstant(),
                among);
    }
}
