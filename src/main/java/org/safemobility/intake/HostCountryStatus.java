package org.safemobility.intake;

/**
 * The applicant's status in the host country. Offices required one of these (Costa Rica an asylum request,
 * Colombia a regular or pending status, Ecuador an asylum/refugee registration or regularization application);
 * intake records it and the caseworker verifies the documents at the interview.
 */
public enum HostCountryStatus {
    ASYLUM_SEEKER, REFUGEE, REGULARIZATION_APPLICANT, REGULAR, NONE
}
