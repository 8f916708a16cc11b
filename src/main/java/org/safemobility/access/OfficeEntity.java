package org.safemobility.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored form of an {@link Office}; read through {@link OfficeDirectory}, written by {@link Offices}. */
@Entity
@Table(name = "office")
class OfficeEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** The host country, ISO 3166-1 alpha-3. */
    @Column(name = "host_country")
    public String hostCountry;

    /** Dates that matter to applicants (age, year of the case number) are reckoned in the office's zone. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    /** ISO day names; null: every day. An array column, read into a set (never mapped as a collection). */
    @Column(name = "intake_weekdays")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] intakeWeekdays;

    @Column(name = "daily_quota")
    public Integer dailyQuota;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    Office toOffice() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (intakeWeekdays != null) {
            Arrays.stream(intakeWeekdays).map(DayOfWeek::valueOf).forEach(days::add);
        }
        return new Office(code, name, hostCountry, ZoneId.of(timeZone), openedOn, Set.copyOf(days), dailyQuota, version);
    }
}
