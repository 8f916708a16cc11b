package org.safemobility.eligibility;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.codes.OfficeCode;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotFound;
import org.safemobility.errors.StaleVersion;
import org.safemobility.intake.CaseView;
import org.safemobility.intake.OfficeIntake;

/**
 * Which pathways are suspended where and when: admins record a destination's announcement (from a day on, for every
 * office or one) and lift it when the destination reopens. Referral asks before it sends; case views and the what-if
 * list what is suspended. Days are the office's calendar days.
 */
@ApplicationScoped
public class PathwaySuspensions {

    @Schema(name = "PathwaySuspensionRequest")
    public record SuspensionRequest(
            @NotNull Pathway pathway,
            @OfficeCode @Schema(description = "Only this office; absent: every office") String office,
            @NotNull @Schema(description = "The first day (office calendar) the pathway is suspended") LocalDate startsOn,
            @Schema(description = "The first day it is open again; absent: until further notice") LocalDate liftedOn,
            @NotBlank @Size(max = 500) @Schema(description = "The announcement or decision behind it") String reason) {
    }

    @Schema(name = "PathwaySuspensionChange")
    public record SuspensionChange(
            @Schema(description = "The first day the pathway is open again (today or later); absent: until further notice")
            LocalDate liftedOn,
            @NotBlank @Size(max = 500) String reason,
            @NotNull(message = "is required: send the version you read, so that changes never overwrite each other")
            Long version) {
    }

    @Schema(name = "PathwaySuspension")
    public record SuspensionView(UUID id, Pathway pathway, @Schema(description = "Absent: every office") String office,
                                 LocalDate startsOn, LocalDate liftedOn, String reason, String setBy, Instant setAt,
                                 Instant updatedAt, long version) {
    }

    @Inject
    OfficeDirectory offices;

    @Inject
    OfficeIntake intake;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<PathwaySuspensionChanged> changed;

    /**
     * Suspensions that cover office {@code ?1} (its own and every office's) and are in force on day {@code ?2} (from
     * {@code startsOn}, until the day before {@code liftedOn}), asked of the database: the table keeps every suspension
     * ever set, and every case view asks.
     */
    private static final String IN_FORCE = "(office is null or office = ?1) and startsOn <= ?2 and (liftedOn is null or liftedOn > ?2)";

    /** The suspension that keeps the pathway closed at the office today (its calendar), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SuspensionView> inForce(Pathway pathway, String office) {
        return PathwaySuspension.<PathwaySuspension>find(IN_FORCE + " and pathway = ?3", Sort.ascending("startsOn", "id"),
                office, today(office), pathway).firstResultOptional().map(PathwaySuspensions::view);
    }

    /** Every pathway suspended at the office on that day, as case views and the what-if show them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseView.SuspendedPathway> suspendedOn(String office, LocalDate day) {
        return PathwaySuspension.<PathwaySuspension>list(IN_FORCE, office, day).stream()
                .sorted(Comparator.comparing((PathwaySuspension s) -> s.pathway).thenComparing(s -> s.startsOn))
                .map(s -> new CaseView.SuspendedPathway(s.pathway.name(), s.startsOn, s.liftedOn, s.reason))
                .toList();
    }

    public LocalDate today(String office) {
        return offices.find(office).map(intake::today).orElseGet(() -> LocalDate.now(clock));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SuspensionView> list(Pathway pathway) {
        return (pathway == null ? PathwaySuspension.<PathwaySuspension>listAll(Sort.ascending("startsOn", "id"))
                : PathwaySuspension.<PathwaySuspension>list("pathway", Sort.ascending("startsOn", "id"), pathway))
                .stream().map(PathwaySuspensions::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SuspensionView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public SuspensionView suspend(@Valid SuspensionRequest request) {
        if (request.office() != null) {
            office(request.office());
        }
        if (request.liftedOn() != null && !request.liftedOn().isAfter(request.startsOn())) {
            throw Invalid.of("liftedOn", "must be after startsOn");
        }
        PathwaySuspension s = new PathwaySuspension();
        s.id = UUID.randomUUID();
        s.pathway = request.pathway();
        s.office = request.office();
        s.startsOn = request.startsOn();
        s.liftedOn = request.liftedOn();
        s.reason = request.reason().strip();
        s.setBy = caller.get().subject();
        s.setAt = clock.instant();
        s.persist();
        audit.record("pathway.suspended", s.office, null, details(s));
        changed.fire(new PathwaySuspensionChanged(s.pathway));
        return view(s);
    }

    /** Lifts a suspension from a day on (or puts the lifting off); the past is not rewritten. */
    @Transactional
    public SuspensionView change(UUID id, @Valid SuspensionChange change) {
        PathwaySuspension s = find(id);
        if (s.version != change.version()) {
            throw new StaleVersion("pathway suspension " + id + " is at version " + s.version + ", not " + change.version()
                    + "; reload it and retry");
        }
        LocalDate today = s.office == null ? LocalDate.now(clock) : today(s.office);
        if (change.liftedOn() != null) {
            if (change.liftedOn().isBefore(today)) {
                throw Invalid.of("liftedOn", "must be today (" + today + ") or later: the past is not rewritten");
            }
            if (!change.liftedOn().isAfter(s.startsOn)) {
                throw Invalid.of("liftedOn", "must be after startsOn (" + s.startsOn + ")");
            }
        }
        if (s.liftedOn != null && s.liftedOn.isBefore(today) && change.liftedOn() == null) {
            throw Invalid.of("liftedOn", "this suspension was lifted on " + s.liftedOn + "; record a new suspension instead");
        }
        s.liftedOn = change.liftedOn();
        s.reason = change.reason().strip();
        s.updatedAt = clock.instant();
        audit.record("pathway.suspension-changed", s.office, null, details(s));
        changed.fire(new PathwaySuspensionChanged(s.pathway));
        return view(s);
    }

    private PathwaySuspension find(UUID id) {
        PathwaySuspension s = PathwaySuspension.findById(id);
        if (s == null) {
            throw new NotFound("no pathway suspension " + id);
        }
        return s;
    }

    private Office office(String code) {
        return offices.find(code).orElseThrow(() -> Invalid.of("office", "no office " + code));
    }

    private static Map<String, Object> details(PathwaySuspension s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("suspensionId", s.id.toString());
        details.put("pathway", s.pathway.name());
        details.put("startsOn", s.startsOn.toString());
        details.put("liftedOn", s.liftedOn == null ? null : s.liftedOn.toString());
        details.put("reason", s.reason);
        return details;
    }

    static SuspensionView view(PathwaySuspension s) {
        return new SuspensionView(s.id, s.pathway, s.office, s.startsOn, s.liftedOn, s.reason, s.setBy, s.setAt,
                s.updatedAt, s.version);
    }
}
