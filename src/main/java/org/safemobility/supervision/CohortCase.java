package org.safemobility.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One case as the cohort statistics count it; kept by {@link CaseCohorts} from other capabilities' events. */
@Entity
@Table(name = "case_cohort")
public class CohortCase extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public String office;

    public String nationality;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** Null until decided; the current decision (re-screening may turn a refusal into eligible). */
    public Boolean eligible;

    /** A supervisor approved a caseworker's override of a refusal. */
    public boolean overridden;

    @Column(name = "first_referred_at")
    public Instant firstReferredAt;

    /** The pathway of the newest referral (a resend is the same referral). */
    @Column(name = "last_pathway")
    public String lastPathway;

    public boolean accepted;

    public boolean declined;

    public boolean withdrawn;
}
