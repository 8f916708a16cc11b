package org.safemobility.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** The inbox: who sees which task, filters and order, claims under contention, overdue work and escalations. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-inbox-ec", "EC");
    private static final String OTHER_CASEWORKER = TokenFixture.caseworkerNamed("cw-inbox-ec-2", "EC");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-inbox-ec", "EC");

    @Inject
    TaskService engineTasks;

    @Inject
    ManagementService management;

    private static List<String> taskIds(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/tasks?" + query).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void assignee_filters_show_mine_unassigned_or_any() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
        String task = Workflow.taskOf(CASEWORKER, id, "schedule-interview");
        assertThat(taskIds(CASEWORKER, "assignee=unassigned&caseId=" + id)).containsExactly(task);
        assertThat(taskIds(CASEWORKER, "assignee=me&caseId=" + id)).isEmpty();
        Workflow.claim(CASEWORKER, task);
        assertThat(taskIds(CASEWORKER, "assignee=me&caseId=" + id)).containsExactly(task);
        assertThat(taskIds(CASEWORKER, "assignee=unassigned&caseId=" + id)).isEmpty();
        assertThat(taskIds(OTHER_CASEWORKER, "assignee=me&caseId=" + id)).isEmpty();
        assertThat(taskIds(OTHER_CASEWORKER, "assignee=any&caseId=" + id)).as("colleagues see who holds it").containsExactly(task);
        given().auth().oauth2(OTHER_CASEWORKER).get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignee", equalTo("cw-inbox-ec"));
    }

    @Test
    void the_office_filter_must_be_ones_own() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
        assertThat(taskIds(SUPERVISOR, "office=EC&caseId=" + id)).hasSize(1);
        given().auth().oauth2(CASEWORKER).get("/api/v1/tasks?office=GT").then().statusCode(403);
        given().auth().oauth2(TokenFixture.caseworker("GT")).queryParam("caseId", id).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void tasks_come_by_priority_then_due_date() {
        String later = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
        String sooner = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
        String laterTask = Workflow.taskOf(CASEWORKER, later, "schedule-interview");
        String soonerTask = Workflow.taskOf(CASEWORKER, sooner, "schedule-interview");
        engineTasks.setDueDate(soonerTask, Date.from(Instant.now().plus(1, ChronoUnit.HOURS)));
        engineTasks.setPriority(laterTask, 90);
        List<String> order = taskIds(SUPERVISOR, "activity=schedule-interview&office=EC&size=100");
        assertThat(order.indexOf(laterTask)).as("priority 90 first").isLessThan(order.indexOf(soonerTask));
        List<Integer> priorities = given().auth().oauth2(SUPERVISOR).get("/api/v1/tasks?office=EC&size=100")
                .then().extract().path("items.priority");
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void an_overdue_task_is_listed_as_overdue_and_escalated_to_the_offices_supervisors() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
        String task = Workflow.taskOf(CASEWORKER, id, "schedule-interview");
        engineTasks.setDueDate(task, Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        assertThat(taskIds(CASEWORKER, "overdue=true&caseId=" + id)).containsExactly(task);
        assertThat(taskIds(CASEWORKER, "overdue=false&caseId=" + id)).isEmpty();

        String instance = engineTasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String timer = management.createJobQuery().processInstanceId(instance).activityId("schedule-interview-overdue")
                .singleResult().getId();
        management.executeJob(timer); // what the job executor does when the timer falls due
        Workflow.read(CASEWORKER, id).body("currentActivities", hasItem("schedule-interview"));

        long escalation = ((Number) given().auth().oauth2(SUPERVISOR).get("/api/v1/escalations?office=EC").then().statusCode(200)
                .body("items.caseId", hasItem(id))
                .extract().path("items.find { it.caseId == '" + id + "' }.id")).longValue();
        given().auth().oauth2(SUPERVISOR).get("/api/v1/escalations").then()
                .body("items.find { it.caseId == '" + id + "' }.activity", equalTo("schedule-interview"))
                .body("items.find { it.caseId == '" + id + "' }.taskId", equalTo(task));
        given().auth().oauth2(SUPERVISOR).post("/api/v1/escalations/" + escalation + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", equalTo("sup-inbox-ec"));
        given().auth().oauth2(SUPERVISOR).get("/api/v1/escalations?office=EC").then().body("items.caseId", not(hasItem(id)));
        given().auth().oauth2(TokenFixture.supervisor("GT")).post("/api/v1/escalations/" + escalation + "/acknowledge")
                .then().statusCode(404);
        given().auth().oauth2(CASEWORKER).get("/api/v1/escalations").then().statusCode(403);
    }

    @Test
    void two_caseworkers_claiming_the_same_task_at_the_same_moment_one_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
            String task = Workflow.taskOf(CASEWORKER, id, "schedule-interview");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> claims = new ArrayList<>();
                for (String token : List.of(CASEWORKER, OTHER_CASEWORKER)) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(token).post("/api/v1/tasks/" + task + "/claim").then().extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> claim : claims) {
                    statuses.add(claim.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"assignee, someone", "overdue, maybe", "office, Ecuador", "caseId, 42", "activity, Schedule Interview", "size, 500"})
    void invalid_inbox_parameters_are_bad_requests(String parameter, String value) {
        given().auth().oauth2(CASEWORKER).queryParam(parameter, value).get("/api/v1/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo(parameter));
    }

    @Test
    void each_item_says_what_and_where() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC"));
        given().auth().oauth2(CASEWORKER).queryParam("caseId", id).get("/api/v1/tasks").then().statusCode(200)
                .body("items[0].name", equalTo("Schedule interview"))
                .body("items[0].office", equalTo("EC"))
                .body("items[0].caseNumber", containsString("EC-"))
                .body("items.priority", everyItem(equalTo(50)));
    }
}
