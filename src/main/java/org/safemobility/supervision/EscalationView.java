package org.safemobility.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Escalation")
public record EscalationView(long id,
                             @Schema(example = "TASK_OVERDUE") String kind,
                             String office,
                             UUID caseId,
                             String caseNumber,
                             @Schema(example = "schedule-interview") String activity,
                             String taskId,
                             Instant raisedAt,
                             String acknowledgedBy,
                             Instant acknowledgedAt) {

    @Schema(name = "EscalationPage")
    public record Page(List<EscalationView> items, long total, int page, int size) {
    }
}
