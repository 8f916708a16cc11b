package org.safemobility.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The applicant's answer in force for each purpose their data is used for, given for themselves and the household
 * registered with them. Every answer ever given, with who recorded it, is a {@link ConsentRecord}; this is the latest
 * per purpose, read with the case.
 */
@Embeddable
public class Consent {

    /** What the data is used for, as the SMO privacy notice names the purposes. */
    public enum Purpose {
        /** Registering, screening and deciding the case at the office. Without it there is no case. */
        PROCESSING,
        /** Sharing the referral package with the resettlement partner of a pathway (US, Canada, Spain). */
        PARTNER_SHARING,
        /** Sharing limited data with the host government: the notice's one exception (Guatemalans found eligible in Guatemala). */
        HOST_GOVERNMENT_SHARING
    }

    @Column(name = "consent_processing")
    public boolean processing;

    @Column(name = "consent_partner_sharing")
    public boolean partnerSharing;

    @Column(name = "consent_host_government")
    public boolean hostGovernmentSharing;

    /** When the latest answer (for any purpose) was recorded. */
    @Column(name = "consent_recorded_at")
    public Instant recordedAt;

    public boolean given(Purpose purpose) {
        return switch (purpose) {
            case PROCESSING -> processing;
            case PARTNER_SHARING -> partnerSharing;
            case HOST_GOVERNMENT_SHARING -> hostGovernmentSharing;
        };
    }

    void set(Purpose purpose, boolean given, Instant at) {
        switch (purpose) {
            case PROCESSING -> processing = given;
            case PARTNER_SHARING -> partnerSharing = given;
            case HOST_GOVERNMENT_SHARING -> hostGovernmentSharing = given;
        }
        recordedAt = at;
    }
}
