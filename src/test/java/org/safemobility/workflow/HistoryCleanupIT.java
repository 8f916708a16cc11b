package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;

/** The engine's history cleanup is scheduled, in its nightly window, from the moment the engine starts. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HistoryCleanupIT {

    @Inject
    HistoryService history;

    @Test
    void the_history_cleanup_job_is_scheduled_in_the_nightly_window() {
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        });
    }
}
