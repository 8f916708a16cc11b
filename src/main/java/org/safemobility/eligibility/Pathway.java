package org.safemobility.eligibility;

/** The lawful pathways an eligible applicant may be referred to. */
public enum Pathway {
    /** US refugee admissions (USRAP). */
    US_REFUGEE,
    /** Other US pathways: family reunification parole, CHNV parole, H-2A/H-2B work. */
    US_OTHER,
    /** Canada: UNHCR referrals and the family-based humanitarian pathway. */
    CANADA,
    /** Spain, including labour-based resettlement. */
    SPAIN
}
