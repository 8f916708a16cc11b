package org.safemobility.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;

/** The stored form of an {@link Office}; seeded by Flyway, read only through {@link OfficeDirectory}. */
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

    public boolean active;

    Office toOffice() {
        return new Office(code, name, hostCountry, ZoneId.of(timeZone), active);
    }
}
