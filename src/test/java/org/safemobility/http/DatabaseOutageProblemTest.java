package org.safemobility.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A request that cannot reach the database answers 503 with Retry-After, however the failure surfaced. The real outage
 * (PostgreSQL stopped and started under load) is driven by scripts/cluster-test.sh; here, the exceptions it produces.
 */
class DatabaseOutageProblemTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void an_unreachable_database_is_a_503_with_retry_after_wherever_it_surfaced() {
        Throwable[] outages = {
            // the driver could not connect (PostgreSQL down): SQLSTATE 08001, wrapped by Hibernate and the transaction
            new RuntimeException("commit failed", new JDBCConnectionException("could not open connection",
                    new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused")))),
            // the server is shutting down under an open connection
            new IllegalStateException("engine command failed", new SQLException("terminating connection due to "
                    + "administrator command", "57P01")),
            // the pool could not hand out a connection in time
            new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection")),
            new SQLTransientConnectionException("connection lost"),
        };
        for (Throwable outage : outages) {
            var response = mappers.unexpected(outage, null);
            assertThat(response.getStatus()).as(outage.toString()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
            assertThat(((Problem) response.getEntity()).type().toString()).endsWith("unavailable");
        }
    }

    @Test
    void other_database_errors_are_not_outages() {
        assertThat(ProblemMappers.isDatabaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMappers.isDatabaseUnreachable(new SQLException("no state, no pool message"))).isFalse();
        assertThat(ProblemMappers.isDatabaseUnreachable(new IllegalStateException("bug"))).isFalse();
    }
}
