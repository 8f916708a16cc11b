package org.safemobility.intake;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.Office;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.codes.CountryCode;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.Invalid;
import org.safemobility.errors.NotFound;

/** Admins maintain the offices (name, country, time zone, intake calendar, daily quota) and schedule their intake. */
@ApplicationScoped
public class OfficeAdministration {

    @Schema(name = "OfficeRequest")
    public record OfficeRequest(
            @Pattern(regexp = "[A-Z]{2}", message = "must be two capital letters, e.g. GT")
            @Schema(description = "Only when creating; the path names the office when changing it") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull @CountryCode String hostCountry,
            @NotNull @Size(max = 64) @Schema(description = "IANA time zone, e.g. America/Guatemala") String timeZone,
            @NotNull @Schema(description = "The first day the office took applications") LocalDate openedOn,
            @Size(max = 7) @Schema(description = "Days of the week intake is open; empty or absent: every day")
            List<@NotNull DayOfWeek> intakeWeekdays,
            @Min(1) @Max(1_000_000) @Schema(description = "The most registrations in one office day; absent: no limit")
            Integer dailyQuota,
            @Schema(description = "Required to change an office: the version read") Long version) {
    }

    @Schema(name = "Office")
    public record OfficeView(String code, String name, String hostCountry, String timeZone, LocalDate openedOn,
                             List<DayOfWeek> intakeWeekdays, Integer dailyQuota, long version,
                             @Schema(description = "Intake today, on the office's calendar") OfficeIntake.Status intakeToday) {
    }

    @Schema(name = "IntakeChangeRequest")
    public record IntakeChangeRequest(
            @NotNull @Schema(description = "The first day (office calendar) the state applies; today or later") LocalDate effectiveFrom,
            @NotNull IntakeChange.State state,
            @Size(max = 1000) @Schema(description = "For applicants; required to pause or close") String message,
            @Schema(description = "When a pause is expected to end") LocalDate expectedReopening,
            @NotBlank @Size(max = 500) @Schema(description = "For staff: the announcement or decision behind it") String reason) {
    }

    @Schema(name = "IntakeChange")
    public record IntakeChangeView(long id, LocalDate effectiveFrom, IntakeChange.State state, String message,
                                   LocalDate expectedReopening, String reason, String setBy, Instant setAt) {
    }

    @Schema(name = "IntakeSchedule")
    public record Schedule(String office, OfficeIntake.Status today, List<IntakeChangeView> changes) {
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

    public List<OfficeView> list() {
        return offices.all().values().stream().map(this::view).toList();
    }

    public OfficeView get(String code) {
        return view(office(code));
    }

    @Transactional
    public OfficeView create(@Valid OfficeRequest request) {
        if (request.code() == null) {
            throw Invalid.of("code", "is required to create an office");
        }
        Office saved = offices.save(office(request.code(), request, 0), true, clock.instant());
        audit.record("office.created", saved.code(), null, describe(saved));
        return view(saved);
    }

    @Transactional
    public OfficeView update(String code, @Valid OfficeRequest request) {
        office(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw Invalid.of("code", "cannot be changed (the path names office " + code + ")");
        }
        if (request.version() == null) {
            throw Invalid.of("version", "is required: send the version you read, so that changes never overwrite each other");
        }
        Office saved = offices.save(office(code, request, request.version()), false, clock.instant());
        audit.record("office.updated", saved.code(), null, describe(saved));
        return view(saved);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Schedule schedule(String code) {
        Office office = office(code);
        List<IntakeChangeView> changes = IntakeChange.<IntakeChange>find("office", Sort.ascending("effectiveFrom"), code)
                .stream().map(OfficeAdministration::view).toList();
        return new Schedule(code, intake.statusOn(office, intake.today(office)), changes);
    }

    @Transactional
    public IntakeChangeView scheduleChange(String code, @Valid IntakeChangeRequest request) {
        Office office = office(code);
        LocalDate today = intake.today(office);
        if (request.effectiveFrom().isBefore(today)) {
            throw Invalid.of("effectiveFrom", "must be today (" + today + " at the office) or later: the past is not rewritten");
        }
        if (request.state() != IntakeChange.State.OPEN && (request.message() == null || request.message().isBlank())) {
            throw Invalid.of("message", "is required to pause or close intake: applicants are told why");
        }
        if (request.expectedReopening() != null && (request.state() != IntakeChange.State.PAUSED
                || !request.expectedReopening().isAfter(request.effectiveFrom()))) {
            throw Invalid.of("expectedReopening", "only a pause has one, after its effectiveFrom");
        }
        if (IntakeChange.count("office = ?1 and effectiveFrom = ?2", code, request.effectiveFrom()) > 0) {
            throw new Conflict("office " + code + " already has a change from " + request.effectiveFrom() + "; remove it first");
        }
        IntakeChange change = new IntakeChange();
        change.office = code;
        change.effectiveFrom = request.effectiveFrom();
        change.state = request.state();
        change.message = request.message() == null ? null : request.message().strip();
        change.expectedReopening = request.expectedReopening();
        change.reason = request.reason().strip();
        change.setBy = caller.get().subject();
        change.setAt = clock.instant();
        change.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeId", change.id);
        details.put("effectiveFrom", change.effectiveFrom.toString());
        details.put("state", change.state.name());
        details.put("reason", change.reason);
        audit.record("intake.scheduled", code, null, details);
        return view(change);
    }

    @Transactional
    public void removeChange(String code, long id) {
        Office office = office(code);
        IntakeChange change = IntakeChange.findById(id);
        if (change == null || !change.office.equals(code)) {
            throw new NotFound("no intake change " + id + " for office " + code);
        }
        if (!change.effectiveFrom.isAfter(intake.today(office))) {
            throw new Conflict("the change from " + change.effectiveFrom + " is already in effect; schedule another instead");
        }
        change.delete();
        audit.record("intake.unscheduled", code, null, Map.of("changeId", id, "effectiveFrom", change.effectiveFrom.toString()));
    }

    private Office office(String code) {
        return offices.find(code).orElseThrow(() -> new NotFound("no office " + code));
    }

    private static Office office(String code, OfficeRequest request, long version) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw Invalid.of("timeZone", "must be an IANA time zone such as America/Guatemala");
        }
        Set<DayOfWeek> days = request.intakeWeekdays() == null ? Set.of() : Set.copyOf(request.intakeWeekdays());
        return new Office(code, request.name().strip(), request.hostCountry(), zone, request.openedOn(), days,
                request.dailyQuota(), version);
    }

    private OfficeView view(Office o) {
        return new OfficeView(o.code(), o.name(), o.hostCountry(), o.zone().getId(), o.openedOn(),
                o.intakeWeekdays().stream().sorted().toList(), o.dailyQuota(), o.version(),
                intake.statusOn(o, intake.today(o)));
    }

    private static IntakeChangeView view(IntakeChange c) {
        return new IntakeChangeView(c.id, c.effectiveFrom, c.state, c.message, c.expectedReopening, c.reason, c.setBy, c.setAt);
    }

    private static Map<String, Object> describe(Office o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", o.name());
        details.put("timeZone", o.zone().getId());
        details.put("openedOn", o.openedOn().toString());
        details.put("intakeWeekdays", o.intakeWeekdays().stream().sorted().map(Enum::name).toList());
        details.put("dailyQuota", o.dailyQuota());
        return details;
    }
}
