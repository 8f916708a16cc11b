package org.safemobility.eligibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A destination suspended a pathway (for every office, or one), from a day on the office's calendar until the day it
 * is lifted. Eligibility is unchanged by it: the applicant may still take the pathway, it is the referral that waits.
 */
@Entity
@Table(name = "pathway_suspension")
public class PathwaySuspension extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Pathway pathway;

    /** Null: every office. */
    public String office;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    /** The first day the pathway is open again; null until announced. */
    @Column(name = "lifted_on")
    public LocalDate liftedOn;

    public String reason;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
