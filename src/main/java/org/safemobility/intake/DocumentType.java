package org.safemobility.intake;

/** The identity document an applicant showed at registration. */
public enum DocumentType {
    PASSPORT, NATIONAL_ID, BIRTH_CERTIFICATE, REFUGEE_ID, RESIDENCE_PERMIT, OTHER
}
