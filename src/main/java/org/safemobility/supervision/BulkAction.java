package org.safemobility.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.safemobility.eligibility.Pathway;
import org.safemobility.intake.CaseStatus;
import org.safemobility.intake.ClosingOutcome;

/** One bulk action: a decision, the office's cases it applies to (fixed when accepted), and how far it has come. */
@Entity
@Table(name = "bulk_action")
public class BulkAction extends PanacheEntityBase {

    public enum Kind {
        /** Suspend the cases' workflows: no task can be completed, no deadline fires. */
        HOLD,
        /** Resume held cases where they stood. */
        RESUME,
        /** Close open cases with an outcome (such as PROGRAMME_SUSPENDED). */
        CLOSE,
        /** Ask the rules in force again about closed-ineligible cases; a review for each now eligible. */
        RESCREEN
    }

    public enum State {
        QUEUED, RUNNING, COMPLETED, CANCELLED;

        boolean finished() {
            return this == COMPLETED || this == CANCELLED;
        }
    }

    /** Which of the office's cases the action applies to; every criterion given must hold. */
    @Schema(name = "BulkActionFilter")
    public record Filter(
            @Schema(description = "Only cases in these statuses; absent: every status the action applies to")
            List<CaseStatus> statuses,
            @Schema(description = "Only cases referred to (an open referral) or on hold for this pathway") Pathway pathway,
            @Pattern(regexp = "[a-z][a-z-]{0,63}", message = "must be a task activity id such as schedule-interview")
            @Schema(description = "Only cases with an open task of this workflow activity", example = "schedule-interview")
            String activity,
            @Schema(description = "Only cases with no change on or after this day (UTC): inactive cases")
            LocalDate inactiveSince) {
    }

    @Id
    public UUID id;

    public String office;

    @Enumerated(EnumType.STRING)
    public Kind action;

    @JdbcTypeCode(SqlTypes.JSON)
    public Filter filter;

    @Enumerated(EnumType.STRING)
    public ClosingOutcome outcome;

    public String reason;

    @Enumerated(EnumType.STRING)
    public State state;

    public int matched;

    public int done;

    public int skipped;

    public int failed;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;
}
