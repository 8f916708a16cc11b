package org.safemobility.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The known offices, held in memory: there are a handful, every request needs them, and they change only
 * through an admin (who calls {@link #reload()}).
 */
@ApplicationScoped
public class OfficeDirectory {

    private volatile Map<String, Office> offices;

    public Optional<Office> find(String code) {
        return Optional.ofNullable(all().get(code));
    }

    public Map<String, Office> all() {
        Map<String, Office> current = offices;
        return current != null ? current : reload();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public synchronized Map<String, Office> reload() {
        Map<String, Office> loaded = OfficeEntity.<OfficeEntity>listAll().stream().map(OfficeEntity::toOffice)
                .collect(Collectors.toMap(Office::code, Function.identity(), (a, b) -> a, TreeMap::new));
        offices = Collections.unmodifiableMap(loaded);
        return offices;
    }
}
