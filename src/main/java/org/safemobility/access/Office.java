package org.safemobility.access;

import java.time.ZoneId;

/**
 * A Safe Mobility Office: the unit every case, task and staff member belongs to.
 *
 * @param hostCountry ISO 3166-1 alpha-3 of the country the office is in
 * @param zone dates that matter to applicants (age, year of the case number) are reckoned on the office's calendar
 */
public record Office(String code, String name, String hostCountry, ZoneId zone, boolean active) {
}
