package org.safemobility.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * One clock for the service, injected wherever "now" matters, so that time is explicit and replaceable. It ticks in
 * microseconds, PostgreSQL's precision, so a timestamp reads back exactly as it was returned when written.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
