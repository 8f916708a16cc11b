package org.safemobility.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The applicant's consent to processing and to sharing with UNHCR/IOM and receiving governments, as recorded at
 * registration. Without it a case can be registered but never referred.
 */
@Embeddable
public class Consent {

    @Column(name = "consent_given")
    public boolean given;

    @Column(name = "consent_recorded_at")
    public Instant recordedAt;
}
