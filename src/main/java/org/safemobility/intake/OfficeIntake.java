package org.safemobility.intake;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.access.Office;
import org.safemobility.errors.IntakeNotOpen;
import org.safemobility.errors.QuotaReached;

/**
 * Whether an office takes applications on a day, and its daily quota. All of it is data: intake state changes set by
 * admins with the day they take effect, the weekdays intake is open, the quota, and the eligibility rules in force
 * (an office whose rows have all ended takes no applications).
 */
@ApplicationScoped
public class OfficeIntake {

    /** Why intake is or is not open on a day. */
    public enum Reason {
        OPEN, PAUSED, CLOSED, NOT_AN_INTAKE_DAY, NO_RULES_IN_FORCE, NOT_YET_OPENED
    }

    @Schema(name = "IntakeStatus", description = "Whether the office takes applications on the day, and why")
    public record Status(LocalDate day, boolean open, IntakeChange.State state, Reason reason,
                         @Schema(description = "The office's message for applicants, when intake is not open") String message,
                         LocalDate expectedReopening, Integer dailyQuota) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Instance<OfficeRulesInForce> rules;

    @Inject
    TransactionManager transactionManager;

    @Inject
    DataSource dataSource;

    public LocalDate today(Office office) {
        return LocalDate.now(clock.withZone(office.zone()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Status statusOn(Office office, LocalDate day) {
        IntakeChange change = IntakeChange.<IntakeChange>find("office = ?1 and effectiveFrom <= ?2",
                Sort.descending("effectiveFrom"), office.code(), day).firstResult();
        IntakeChange.State state = change == null ? IntakeChange.State.OPEN : change.state;
        if (day.isBefore(office.openedOn())) {
            return new Status(day, false, state, Reason.NOT_YET_OPENED, "The office takes applications from "
                    + office.openedOn() + ".", office.openedOn(), office.dailyQuota());
        }
        if (state != IntakeChange.State.OPEN) {
            return new Status(day, false, state, state == IntakeChange.State.PAUSED ? Reason.PAUSED : Reason.CLOSED,
                    change.message, change.expectedReopening, office.dailyQuota());
        }
        if (!office.takesApplicationsOn(day.getDayOfWeek())) {
            return new Status(day, false, state, Reason.NOT_AN_INTAKE_DAY, "The office takes applications on "
                    + office.intakeWeekdays().stream().sorted().map(d -> d.name().charAt(0) + d.name().substring(1).toLowerCase())
                    .toList() + ".", nextIntakeDay(office, day), office.dailyQuota());
        }
        if (rules.isResolvable() && !rules.get().servesAnyone(office.code(), day)) {
            return new Status(day, false, state, Reason.NO_RULES_IN_FORCE, "The office is not taking applications: "
                    + "the programme it registered people for has ended.", null, office.dailyQuota());
        }
        return new Status(day, true, state, Reason.OPEN, null, null, office.dailyQuota());
    }

    /** Refuses (409 intake-not-open, with the office's message) unless the office takes applications on the day. */
    public void requireOpen(Office office, LocalDate day) {
        Status status = statusOn(office, day);
        if (!status.open()) {
            String message = status.message() == null ? "" : " " + status.message();
            throw new IntakeNotOpen("office " + office.code() + " is not taking applications on " + day + " ("
                    + status.reason() + ")." + message);
        }
    }

    /** A cheap early refusal when today's quota is already used up, before any work is done. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireQuotaLeft(Office office, LocalDate day) {
        if (office.dailyQuota() == null) {
            return;
        }
        Number registered = (Number) em.createNativeQuery("select registered from smo.intake_day where office = ?1 and day = ?2")
                .setParameter(1, office.code()).setParameter(2, day).getResultStream().findFirst().orElse(0);
        if (registered.intValue() >= office.dailyQuota()) {
            throw quotaReached(office, day);
        }
    }

    /** A registration's place in the day's quota, taken as its transaction commits; {@link #refused()} after it. */
    public static final class QuotaClaim {
        private volatile boolean refused;

        public boolean refused() {
            return refused;
        }
    }

    /**
     * Counts one registration against the day's quota as the registration's transaction is about to commit, after its
     * audit entries: the day row's lock (held to commit) makes the count exact under concurrency and across replicas,
     * a registration that rolls back gives its place back, and other registrations of the office wait only for this
     * one's commit. Over the quota the transaction is rolled back and the claim says so (the caller answers 429).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public QuotaClaim countAtCommit(Office office, LocalDate day) {
        QuotaClaim claim = new QuotaClaim();
        if (office.dailyQuota() == null) {
            return claim;
        }
        try {
            transactionManager.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    try (Connection connection = dataSource.getConnection();
                         PreparedStatement count = connection.prepareStatement("""
                                 insert into smo.intake_day (office, day, registered) values (?, ?, 1)
                                 on conflict (office, day) do update set registered = intake_day.registered + 1
                                  where intake_day.registered < ?
                                 returning registered""")) {
                        count.setString(1, office.code());
                        count.setObject(2, day);
                        count.setInt(3, office.dailyQuota());
                        try (ResultSet counted = count.executeQuery()) {
                            if (!counted.next()) {
                                claim.refused = true;
                                transactionManager.setRollbackOnly();
                            }
                        }
                    } catch (SQLException | SystemException e) {
                        throw new IllegalStateException("the daily quota could not be counted", e);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("the transaction is ending", e);
        }
        return claim;
    }

    /** What a registration refused at commit for the quota answers. */
    public QuotaReached quotaReachedOn(Office office, LocalDate day) {
        return quotaReached(office, day);
    }

    private QuotaReached quotaReached(Office office, LocalDate day) {
        LocalDate next = nextIntakeDay(office, day);
        ZonedDateTime opens = next.atStartOfDay(office.zone());
        long seconds = Duration.between(clock.instant(), opens.toInstant()).toSeconds();
        return new QuotaReached("office " + office.code() + " has registered its " + office.dailyQuota()
                + " applications for " + day + "; intake opens again on " + next, seconds);
    }

    private static LocalDate nextIntakeDay(Office office, LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!office.takesApplicationsOn(next.getDayOfWeek())) {
            next = next.plusDays(1);
        }
        return next;
    }
}
