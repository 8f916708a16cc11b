package org.safemobility.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An office's intake state from a day on (its calendar), until the next change: set ahead by admins. */
@Entity
@Table(name = "intake_change")
public class IntakeChange extends PanacheEntityBase {

    public enum State {
        OPEN, PAUSED, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String office;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    public State state;

    /** For applicants: why intake is paused or closed, and what to do. */
    public String message;

    @Column(name = "expected_reopening")
    public LocalDate expectedReopening;

    /** For staff: the announcement or decision behind the change. */
    public String reason;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;
}
