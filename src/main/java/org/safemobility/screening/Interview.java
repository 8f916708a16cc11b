package org.safemobility.screening;

import org.safemobility.crypto.SealedStrings;
import org.safemobility.crypto.SealedText;
import jakarta.persistence.Convert;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The screening interview: its appointment, then what the interviewer found. */
@Entity
@Table(name = "interview")
public class Interview extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;


    @Column(name = "appointment_at")
    public Instant appointmentAt;

    @Column(name = "remote")
    public Boolean remote;

    @Column(name = "location")
    public String location;

    /** ISO 639-1 language of the interview. */
    @Column(name = "language")
    public String language;

    @Column(name = "interpreter_needed")
    public Boolean interpreterNeeded;

    @Column(name = "scheduled_by")
    public String scheduledBy;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "protection_needs")
    @Convert(converter = SealedStrings.class)
    public List<String> protectionNeeds;

    @Column(name = "vulnerabilities")
    @Convert(converter = SealedStrings.class)
    public List<String> vulnerabilities;

    @Column(name = "family_ties")
    @Convert(converter = FamilyTies.Sealed.class)
    public FamilyTies familyTies;

    @Column(name = "pathway_preference")
    public String pathwayPreference;

    @Column(name = "summary")
    @Convert(converter = SealedText.class)
    public String summary;

    @Column(name = "conducted_by")
    public String conductedBy;

    @Column(name = "conducted_at")
    public Instant conductedAt;
}
