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
import java.util.UUID;

/** One answer the applicant gave for one purpose: given or withdrawn, when, and who recorded it. Never changed. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Consent.Purpose purpose;

    public boolean given;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** How the answer was given (e.g. "signed form"); may be absent. */
    public String note;

    static ConsentRecord of(UUID caseId, Consent.Purpose purpose, boolean given, Instant at, String by, String note) {
        ConsentRecord r = new ConsentRecord();
        r.caseId = caseId;
        r.purpose = purpose;
        r.given = given;
        r.recordedAt = at;
        r.recordedBy = by;
        r.note = note;
        return r;
    }
}
