package org.safemobility.intake;

/**
 * A capability's part of the case as staff read it. Intake owns the case's representation and asks every
 * implementation (eligibility, screening) to fill in what it records about the case, so that intake depends on none
 * of them.
 */
public interface CaseViewPart {

    void addTo(CaseView.Parts parts, CaseReference c);
}
