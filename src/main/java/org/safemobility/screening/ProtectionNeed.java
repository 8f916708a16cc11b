package org.safemobility.screening;

/** What the applicant needs protection from, as the interviewer records it (a fixed list, for reporting). */
public enum ProtectionNeed {
    PERSECUTION_RISK,
    GENERALIZED_VIOLENCE,
    GENDER_BASED_VIOLENCE,
    TRAFFICKING_RISK,
    FAMILY_SEPARATION,
    STATELESSNESS,
    LACK_OF_LEGAL_STATUS,
    NONE_IDENTIFIED
}
