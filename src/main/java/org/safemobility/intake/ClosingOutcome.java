package org.safemobility.intake;

/** Why a programme decision closed open cases in bulk (the case's own journey closes it with its own status). */
public enum ClosingOutcome {
    /** The pathways the programme offered are suspended and the programme stopped taking or processing cases. */
    PROGRAMME_SUSPENDED,
    /** The office closed; its open cases end. */
    OFFICE_CLOSED,
    /** The applicant could not be reached within the programme's time limits. */
    NO_CONTACT,
    /** A duplicate of another case of the same person. */
    DUPLICATE
}
