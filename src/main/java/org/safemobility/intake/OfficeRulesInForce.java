package org.safemobility.intake;

import java.time.LocalDate;

/**
 * Whether an office's eligibility rules serve anyone on a day. Eligibility implements it from the rules in force;
 * intake asks so that an office whose rows have all ended is "not taking applications", not "not eligible".
 */
public interface OfficeRulesInForce {

    boolean servesAnyone(String office, LocalDate day);
}
