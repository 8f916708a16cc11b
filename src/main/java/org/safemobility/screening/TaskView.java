package org.safemobility.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task in a caseworker's or supervisor's inbox. */
@Schema(name = "Task")
public record TaskView(
        String id,
        @Schema(description = "BPMN activity id", example = "review-ineligible") String activity,
        String name,
        UUID caseId,
        @Schema(example = "GT-2026-000123") String caseNumber,
        String office,
        @Schema(description = "Subject of the staff member holding the task; null when unclaimed") String assignee,
        Instant created,
        Instant due,
        int priority) {

    @Schema(name = "TaskPage")
    public record Page(List<TaskView> items,
                       @Schema(description = "How many tasks match, counted up to 10,000 (see totalCapped)") long total,
                       @Schema(description = "True when more than 10,000 tasks match: total then says 10,000") boolean totalCapped,
                       int page, int size) {
    }
}
