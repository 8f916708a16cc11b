package org.safemobility.access;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A Safe Mobility Office: the unit every case, task and staff member belongs to.
 *
 * @param hostCountry ISO 3166-1 alpha-3 of the country the office is in
 * @param zone dates that matter to applicants (age, year of the case number, intake days) are reckoned on the
 *             office's calendar
 * @param openedOn the first day the office took applications; no application is dated earlier
 * @param intakeWeekdays the days of the week intake is open; empty: every day
 * @param dailyQuota the most registrations in one office day, or null for no limit
 */
public record Office(String code, String name, String hostCountry, ZoneId zone, LocalDate openedOn,
                     Set<DayOfWeek> intakeWeekdays, Integer dailyQuota, long version) {

    /** Whether intake is open on this day of the week (the calendar, not the office's intake state). */
    public boolean takesApplicationsOn(DayOfWeek day) {
        return intakeWeekdays.isEmpty() || intakeWeekdays.contains(day);
    }
}
