package org.safemobility.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.safemobility.eligibility.Pathway;

/** An approved case waiting in {@code await-pathway} because its pathway is suspended at its office. */
@Entity
@Table(name = "pathway_hold")
public class PathwayHold extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public String office;

    @Enumerated(EnumType.STRING)
    public Pathway pathway;

    @Column(name = "held_since")
    public Instant heldSince;
}
