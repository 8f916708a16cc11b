package org.safemobility.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The applicant withdrew: why, and who recorded it. */
@Embeddable
public class Withdrawal {

    @Column(name = "withdrawal_reason")
    public String reason;

    @Column(name = "withdrawn_by")
    public String recordedBy;

    @Column(name = "withdrawn_at")
    public Instant at;
}
