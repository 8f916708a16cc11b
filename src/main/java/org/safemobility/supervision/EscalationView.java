package org.safemobility.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Escalation")
public record EscalationView(long id,
                             @Schema(example = "TASK_OVERDUE",
                                     description = "TASK_OVERDUE, PARTNER_DECISION_OVERDUE, REFERRAL_BLOCKED or WEBHOOK_DEAD_LETTERED")
                             String kind,
                             String office,
                             UUID caseId,
                             String caseNumber,
                             @Schema(example = "schedule-interview") String activity,
                             String taskId,
                             @Schema(description = "What it is about besides the case: a referral or a webhook event id")
                             String reference,
                             @Schema(description = "Why, in words") String detail,
                             Instant raisedAt,
                             String acknowledgedBy,
                             Instant acknowledgedAt) {

    @Schema(name = "EscalationPage")
    public record Page(List<EscalationView> items, long total, int page, int size) {
    }
}
