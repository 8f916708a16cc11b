package org.safemobility.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.NotFound;
import org.safemobility.errors.StaleVersion;

/**
 * The known offices, held in memory: there are a handful and every request needs them. An admin's change reloads
 * them on the replica that made it at once, and on every other replica within {@code smo.offices.refresh} (the copy is
 * read again from the database when it is older than that).
 */
@ApplicationScoped
public class OfficeDirectory {

    /** The offices as read at {@code at}, in the given generation of this replica's own changes. */
    private record Loaded(Map<String, Office> offices, long at, long generation) {
    }

    /** Counts this replica's committed changes: offices read before one (even if stored after it) are stale. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @ConfigProperty(name = "smo.offices.refresh", defaultValue = "PT5S")
    Duration refresh;

    private volatile Loaded loaded;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public Optional<Office> find(String code) {
        return Optional.ofNullable(all().get(code));
    }

    public Map<String, Office> all() {
        Loaded current = loaded;
        return fresh(current) ? current.offices() : refreshIfStale();
    }

    private boolean fresh(Loaded current) {
        return current != null && current.generation() == generation.get()
                && System.nanoTime() - current.at() < refresh.toNanos();
    }

    private synchronized Map<String, Office> refreshIfStale() {
        Loaded current = loaded; // another thread may have reloaded while this one waited
        return fresh(current) ? current.offices() : reload();
    }

    /** Stores a new office or a changed one (409 when it changed since {@code office.version()}); reloads at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Office save(Office office, boolean create, java.time.Instant at) {
        OfficeEntity entity = OfficeEntity.findById(office.code());
        if (create == (entity != null)) {
            throw create ? new Conflict("office " + office.code() + " exists")
                    : new NotFound("no office " + office.code());
        }
        if (entity == null) {
            entity = new OfficeEntity();
            entity.code = office.code();
        } else if (entity.version != office.version()) {
            throw new StaleVersion("office " + office.code() + " is at version " + entity.version
                    + ", not " + office.version() + "; read it again and reapply your change");
        }
        entity.name = office.name();
        entity.hostCountry = office.hostCountry();
        entity.timeZone = office.zone().getId();
        entity.openedOn = office.openedOn();
        entity.intakeWeekdays = office.intakeWeekdays().isEmpty() ? null
                : office.intakeWeekdays().stream().sorted().map(Enum::name).toArray(String[]::new);
        entity.dailyQuota = office.dailyQuota();
        entity.updatedAt = at;
        if (create) {
            entity.persist();
        }
        OfficeEntity.flush();
        // this replica sees the change as soon as it commits (a read between this write and the commit, or one still
        // under way then, is of the old offices and is not kept); the others within the refresh interval
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                generation.incrementAndGet();
            }
        });
        return entity.toOffice();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public synchronized Map<String, Office> reload() {
        long readIn = generation.get();
        Map<String, Office> offices = OfficeEntity.<OfficeEntity>listAll().stream().map(OfficeEntity::toOffice)
                .collect(Collectors.toMap(Office::code, Function.identity(), (a, b) -> a, TreeMap::new));
        loaded = new Loaded(Collections.unmodifiableMap(offices), System.nanoTime(), readIn);
        return loaded.offices();
    }
}
