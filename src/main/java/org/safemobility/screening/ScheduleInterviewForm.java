package org.safemobility.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.codes.LanguageCode;
import org.safemobility.errors.Invalid;
import org.safemobility.workflow.TaskForm;

/** {@code schedule-interview}: when and where the screening interview takes place, in which language. */
@Schema(name = "ScheduleInterviewForm")
public record ScheduleInterviewForm(
        @NotNull @Future @Schema(example = "2026-12-03T09:30:00-06:00", description = "With the office's UTC offset")
        OffsetDateTime appointmentAt,
        @NotNull @Schema(description = "True for a video or phone interview") Boolean remote,
        @Size(max = 200) @Schema(description = "Required unless remote", example = "SMO Guatemala City, room 2") String location,
        @NotNull @LanguageCode @Schema(example = "es") String language,
        @NotNull Boolean interpreterNeeded) {

    static final Duration FURTHEST_APPOINTMENT = Duration.ofDays(365);

    @ApplicationScoped
    static class Handler implements TaskForm<ScheduleInterviewForm> {

        @Inject
        CaseScreening screening;

        @Inject
        Clock clock;

        @Override
        public String activity() {
            return "schedule-interview";
        }

        @Override
        public Class<ScheduleInterviewForm> type() {
            return ScheduleInterviewForm.class;
        }

        @Override
        public Map<String, Object> apply(UUID caseId, ScheduleInterviewForm body) {
            if (!body.remote() && (body.location() == null || body.location().isBlank())) {
                throw Invalid.of("location", "is required for an interview in person");
            }
            if (body.appointmentAt().toInstant().isAfter(clock.instant().plus(FURTHEST_APPOINTMENT))) {
                throw Invalid.of("appointmentAt", "must be within a year");
            }
            screening.scheduleInterview(caseId, new CaseScreening.Appointment(body.appointmentAt().toInstant(),
                    body.remote(), body.remote() ? null : body.location().strip(), body.language(), body.interpreterNeeded()));
            return Map.of();
        }
    }
}
