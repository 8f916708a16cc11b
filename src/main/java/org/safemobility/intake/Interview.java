package org.safemobility.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The screening interview: its appointment, then what the interviewer found. */
@Embeddable
public class Interview {

    @Column(name = "interview_at")
    public Instant appointmentAt;

    @Column(name = "interview_remote")
    public Boolean remote;

    @Column(name = "interview_location")
    public String location;

    /** ISO 639-1 language of the interview. */
    @Column(name = "interview_language")
    public String language;

    @Column(name = "interview_interpreter_needed")
    public Boolean interpreterNeeded;

    @Column(name = "interview_scheduled_by")
    public String scheduledBy;

    @Column(name = "interview_scheduled_at")
    public Instant scheduledAt;

    @Column(name = "protection_needs")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> protectionNeeds;

    @Column(name = "vulnerabilities")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> vulnerabilities;

    @Column(name = "family_ties")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<FamilyTie> familyTies;

    @Column(name = "pathway_preference")
    public String pathwayPreference;

    @Column(name = "interview_summary")
    public String summary;

    @Column(name = "interview_conducted_by")
    public String conductedBy;

    @Column(name = "interview_conducted_at")
    public Instant conductedAt;
}
