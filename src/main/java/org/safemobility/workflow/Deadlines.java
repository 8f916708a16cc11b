package org.safemobility.workflow;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long each user task may take, from configuration ({@code smo.deadlines.due."<activity>"=P5D}). The case
 * process uses it twice per task: {@code camunda:dueDate="${deadlines.dueDates['schedule-interview']}"} and the
 * non-interrupting boundary timer {@code ${deadlines.durations['schedule-interview']}} that flags the task overdue,
 * so the due date and the escalation always agree. (Maps rather than methods with arguments: the CDI expression
 * resolver Camunda ships cannot invoke bean methods on Quarkus, and the models should not depend on the service's
 * replacement of it, {@link WorkflowBeans}.)
 */
@ApplicationScoped
@Named("deadlines")
public class Deadlines {

    @ConfigMapping(prefix = "smo.deadlines")
    public interface Config {
        /** Activity id to the time its task may take. */
        Map<String, Duration> due();
    }

    @Inject
    Config config;

    @Inject
    Clock clock;

    /** Activity to its ISO 8601 duration, for a timer. */
    public Map<String, String> getDurations() {
        return new AbstractMap<>() {
            @Override
            public String get(Object activity) {
                return of(String.valueOf(activity)).toString();
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return config.due().entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue().toString())).collect(Collectors.toSet());
            }
        };
    }

    /** Activity to the due date of a task of it created now. */
    public Map<String, Date> getDueDates() {
        return new AbstractMap<>() {
            @Override
            public Date get(Object activity) {
                return Date.from(clock.instant().plus(of(String.valueOf(activity))));
            }

            @Override
            public Set<Entry<String, Date>> entrySet() {
                return config.due().keySet().stream().map(a -> Map.entry(a, get(a))).collect(Collectors.toSet());
            }
        };
    }

    private Duration of(String activity) {
        Duration duration = config.due().get(activity);
        if (duration == null) {
            throw new IllegalStateException("no deadline configured for activity " + activity
                    + " (smo.deadlines.due.\"" + activity + "\")");
        }
        return duration;
    }
}
