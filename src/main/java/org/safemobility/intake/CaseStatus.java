package org.safemobility.intake;

/** Where a case stands, as caseworkers and reports speak of it. Later capabilities add the states they reach. */
public enum CaseStatus {
    /** Registered; eligibility and screening follow in the case's workflow. */
    REGISTERED
}
