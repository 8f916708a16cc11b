package org.safemobility.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Supervisors: queues, reassignment, approvals, stuck work, scope; caseworkers are kept out. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SupervisionIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-sup-co", "CO");
    private static final String COLLEAGUE = TokenFixture.caseworkerNamed("cw-sup-co-2", "CO");
    private static final String ELSEWHERE = TokenFixture.caseworkerNamed("cw-sup-ec", "EC");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-sup-co", "CO");
    private static final String GT_SUPERVISOR = TokenFixture.supervisorNamed("sup-sup-gt", "GT");

    @Inject
    EntityManager em;

    @Inject
    TaskService engineTasks;

    @Inject
    QueueBackfill backfill;

    private static Map<String, Object> queue(String token, String office, String activity) {
        return given().auth().oauth2(token).queryParam("office", office).get("/api/v1/queues").then().statusCode(200)
                .extract().path("items.find { it.activity == '" + activity + "' }");
    }

    @Test
    void queues_count_a_known_seeded_set_by_age_assignment_and_deadline() {
        Instant now = Instant.now();
        String activity = "seeded-" + UUID.randomUUID().toString().substring(0, 8);
        Object[][] seeded = { // age, assignee, due in (hours; negative = overdue)
                {Duration.ofHours(2), null, 48}, {Duration.ofHours(20), "cw-x", -1}, {Duration.ofDays(2), null, 24},
                {Duration.ofDays(5), null, -24}, {Duration.ofDays(6), "cw-y", null}, {Duration.ofDays(9), null, -100}};
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] s : seeded) {
                em.createNativeQuery("""
                                insert into smo.open_task (task_id, office, activity, name, candidate_group, case_id,
                                                           assignee, priority, created_at, due_at)
                                values (?1, 'CO', ?2, 'Seeded', 'CO', ?3, ?4, 50, ?5, ?6)""")
                        .setParameter(1, UUID.randomUUID().toString()).setParameter(2, activity)
                        .setParameter(3, UUID.randomUUID()).setParameter(4, s[1])
                        .setParameter(5, now.minus((Duration) s[0]))
                        .setParameter(6, s[2] == null ? null : now.plus(Duration.ofHours((Integer) s[2])))
                        .executeUpdate();
            }
        });
        try {
            given().auth().oauth2(SUPERVISOR).queryParam("office", "CO").get("/api/v1/queues").then().statusCode(200)
                    .body("items.find { it.activity == '" + activity + "' }.open", equalTo(6))
                    .body("items.find { it.activity == '" + activity + "' }.unassigned", equalTo(4))
                    .body("items.find { it.activity == '" + activity + "' }.overdue", equalTo(3))
                    .body("items.find { it.activity == '" + activity + "' }.ageBuckets",
                            equalTo(Map.of("<1d", 2, "1-3d", 1, "3-7d", 2, ">7d", 1)))
                    .body("items.find { it.activity == '" + activity + "' }.oldestAgeSeconds",
                            org.hamcrest.Matchers.greaterThanOrEqualTo((int) Duration.ofDays(9).toSeconds()));
            given().auth().oauth2(SUPERVISOR).queryParam("overdue", true).queryParam("unassigned", true)
                    .get("/api/v1/queues/" + activity + "/tasks").then().statusCode(200)
                    .body("total", equalTo(2)).body("items.overdue", everyItem(equalTo(true)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from smo.open_task where activity = ?1")
                    .setParameter(1, activity).executeUpdate());
        }
    }

    /**
     * The inbox pages the open-task table: per candidate group, then merged; highest priority first, then the earliest
     * due (none last), then the oldest. A caseworker sees the office's group, a supervisor also the supervisors' one.
     */
    @Test
    void the_inbox_merges_the_callers_groups_in_priority_due_and_age_order() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String activity = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        Object[][] seeded = { // id, group, assignee, priority, age (hours), due in (hours; null: none)
                {"t1", "CO", null, 50, 5, 10}, {"t2", "CO-supervisors", null, 80, 1, null},
                {"t3", "CO", "cw-sup-co", 50, 9, 10}, {"t4", "CO", null, 50, 2, null},
                {"t5", "CO-supervisors", null, 50, 3, -2}, {"t6", "EC", null, 90, 1, 1}};
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] s : seeded) {
                em.createNativeQuery("""
                                insert into smo.open_task (task_id, office, activity, name, candidate_group, case_id,
                                                           assignee, priority, created_at, due_at)
                                values (?1, left(?2, 2), ?3, 'Seeded', ?2, ?4, ?5, ?6, ?7, ?8)""")
                        .setParameter(1, activity + "-" + s[0]).setParameter(2, s[1]).setParameter(3, activity)
                        .setParameter(4, UUID.randomUUID()).setParameter(5, s[2]).setParameter(6, s[3])
                        .setParameter(7, now.minus(Duration.ofHours((Integer) s[4])))
                        .setParameter(8, s[5] == null ? null : now.plus(Duration.ofHours((Integer) s[5])))
                        .executeUpdate();
            }
        });
        try {
            // t3 and t1 share priority and due date: the older first
            assertThat(inbox(CASEWORKER, activity, "")).containsExactly("t3", "t1", "t4");
            assertThat(inbox(SUPERVISOR, activity, "")).containsExactly("t2", "t5", "t3", "t1", "t4");
            assertThat(inbox(SUPERVISOR, activity, "&page=1&size=2")).containsExactly("t3", "t1");
            given().auth().oauth2(SUPERVISOR).get("/api/v1/tasks?activity=" + activity + "&page=2&size=2").then()
                    .statusCode(200).body("total", equalTo(5)).body("totalCapped", equalTo(false))
                    .body("items", org.hamcrest.Matchers.hasSize(1));
            assertThat(inbox(CASEWORKER, activity, "&assignee=me")).containsExactly("t3");
            assertThat(inbox(SUPERVISOR, activity, "&assignee=unassigned")).containsExactly("t2", "t5", "t1", "t4");
            assertThat(inbox(SUPERVISOR, activity, "&overdue=true")).containsExactly("t5");
            assertThat(inbox(SUPERVISOR, activity, "&overdue=false")).containsExactly("t2", "t3", "t1", "t4");
            assertThat(inbox(ELSEWHERE, activity, "")).containsExactly("t6");
            assertThat(inbox(GT_SUPERVISOR, activity, "")).isEmpty();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from smo.open_task where activity = ?1")
                    .setParameter(1, activity).executeUpdate());
        }
    }

    @Test
    void an_inbox_counts_up_to_ten_thousand_and_says_when_there_are_more() {
        String activity = "many-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into smo.open_task (task_id, office, activity, name, candidate_group, case_id, priority, created_at)
                        select ?1 || '-' || n, 'CO', ?1, 'Seeded', 'CO', gen_random_uuid(), 50, now() - n * interval '1 second'
                          from generate_series(1, 10001) n""").setParameter(1, activity).executeUpdate());
        try {
            // oldest first among equals: task n was created n seconds ago; the last page lies past the count
            given().auth().oauth2(CASEWORKER).get("/api/v1/tasks?activity=" + activity + "&size=3&page=3333").then()
                    .statusCode(200).body("total", equalTo(10_000)).body("totalCapped", equalTo(true))
                    .body("items.id", equalTo(List.of(activity + "-2", activity + "-1")));
            given().auth().oauth2(CASEWORKER).get("/api/v1/tasks?activity=" + activity + "&size=1").then()
                    .statusCode(200).body("items[0].id", equalTo(activity + "-10001"));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from smo.open_task where task_id = ?1")
                    .setParameter(1, activity + "-1").executeUpdate());
            given().auth().oauth2(CASEWORKER).get("/api/v1/tasks?activity=" + activity + "&size=1").then()
                    .statusCode(200).body("total", equalTo(10_000)).body("totalCapped", equalTo(false));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from smo.open_task where activity = ?1")
                    .setParameter(1, activity).executeUpdate());
        }
    }

    private static List<String> inbox(String token, String activity, String more) {
        List<String> ids = given().auth().oauth2(token).get("/api/v1/tasks?activity=" + activity + more).then()
                .statusCode(200).extract().jsonPath().getList("items.id", String.class);
        return ids.stream().map(id -> id.substring(id.lastIndexOf('-') + 1)).toList();
    }

    @Test
    void queues_follow_the_engine_as_work_is_registered_claimed_and_done() {
        Map<String, Object> before = queue(SUPERVISOR, "CO", "schedule-interview");
        long open = before == null ? 0 : ((Number) before.get("open")).longValue();
        long unassigned = before == null ? 0 : ((Number) before.get("unassigned")).longValue();
        String first = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        String second = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        Workflow.claim(CASEWORKER, Workflow.taskOf(CASEWORKER, first, "schedule-interview"));
        Map<String, Object> after = queue(SUPERVISOR, "CO", "schedule-interview");
        assertThat(((Number) after.get("open")).longValue()).isEqualTo(open + 2);
        assertThat(((Number) after.get("unassigned")).longValue()).isEqualTo(unassigned + 1);

        Workflow.work(CASEWORKER, second, "schedule-interview", Forms.schedule());
        assertThat(((Number) queue(SUPERVISOR, "CO", "schedule-interview").get("open")).longValue()).isEqualTo(open + 1);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/queues/conduct-interview/tasks?office=CO&size=100").then()
                .statusCode(200).body("items.caseId", hasItem(second))
                .body("items.find { it.caseId == '" + second + "' }.caseNumber", containsString("CO-"));

        String task = Workflow.taskOf(CASEWORKER, first, "schedule-interview");
        engineTasks.setDueDate(task, Date.from(Instant.now().minus(Duration.ofHours(1))));
        given().auth().oauth2(SUPERVISOR).get("/api/v1/queues/schedule-interview/tasks?office=CO&overdue=true&size=100")
                .then().body("items.taskId", hasItem(task));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "Moved away"))
                .post("/api/v1/cases/" + first + "/withdraw").then().statusCode(200);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/queues/schedule-interview/tasks?office=CO&size=100")
                .then().body("items.taskId", not(hasItem(task)));
    }

    @Test
    void an_empty_queue_table_is_filled_from_the_engines_open_tasks() {
        Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        long engineOpen = engineTasks.createTaskQuery().processDefinitionKey("smo-case").count();
        Map<String, Object> before = queue(SUPERVISOR, "CO", "schedule-interview");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from smo.open_task").executeUpdate());
        assertThat(queue(SUPERVISOR, "CO", "schedule-interview")).isNull();

        assertThat(backfill.fillIfEmpty()).isEqualTo((int) engineOpen);
        assertThat(queue(SUPERVISOR, "CO", "schedule-interview")).as("the same queue, whatever second it is now")
                .usingRecursiveComparison().ignoringFields("oldestAgeSeconds").isEqualTo(before);
        assertThat(backfill.fillIfEmpty()).as("only an empty table is filled").isZero();
    }

    @Test
    void a_supervisor_sees_only_their_offices_and_caseworkers_see_no_supervision() {
        Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/queues").then().statusCode(200)
                .body("items.office", everyItem(equalTo("GT")));
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/queues?office=CO").then().statusCode(403);
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/queues/schedule-interview/tasks?office=CO").then().statusCode(403);
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/queues/schedule-interview/tasks?size=100").then()
                .body("items.office", everyItem(equalTo("GT")));
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/incidents").then().statusCode(200)
                .body("items.office", everyItem(equalTo("GT")));
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/queues/Not An Activity/tasks").then().statusCode(400);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/queues", "/api/v1/queues/schedule-interview/tasks", "/api/v1/incidents",
            "/api/v1/approvals", "/api/v1/escalations", "/api/v1/stats", "/api/v1/outbox/dead-letters"})
    void caseworkers_get_403_on_supervisor_endpoints(String path) {
        given().auth().oauth2(CASEWORKER).get(path).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_supervisor_assigns_work_only_to_known_staff_of_the_tasks_office() {
        given().auth().oauth2(COLLEAGUE).get("/api/v1/tasks").then().statusCode(200); // the colleague signs in once
        given().auth().oauth2(ELSEWHERE).get("/api/v1/tasks").then().statusCode(200);
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        String task = Workflow.taskOf(CASEWORKER, id, "schedule-interview");
        Workflow.claim(CASEWORKER, task);

        assign(SUPERVISOR, task, "cw-sup-co-2").statusCode(200).body("assignee", equalTo("cw-sup-co-2"));
        assign(SUPERVISOR, task, "nobody-we-know").statusCode(400).body("errors[0].field", equalTo("assignee"))
                .body("errors[0].message", containsString("no member of staff"));
        assign(SUPERVISOR, task, "cw-sup-ec").statusCode(400).body("errors[0].message", containsString("does not work for office CO"));
        assign(SUPERVISOR, task, " ").statusCode(400);
        assign(CASEWORKER, task, "cw-sup-co-2").statusCode(403);
        assign(GT_SUPERVISOR, task, "cw-sup-co-2").statusCode(404);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/cases/" + id + "/history").then()
                .body("items.find { it.event == 'task.assigned' }.details.to", equalTo("cw-sup-co-2"))
                .body("items.find { it.event == 'task.assigned' }.details.from", equalTo("cw-sup-co"));

        Workflow.work(COLLEAGUE, id, "schedule-interview", Forms.schedule());
        Workflow.work(COLLEAGUE, id, "conduct-interview", Forms.interview(false));
        String review = given().auth().oauth2(SUPERVISOR).get("/api/v1/approvals?size=100").then().statusCode(200)
                .body("items.activity", everyItem(org.hamcrest.Matchers.oneOf("approve-override", "supervisor-review", "accept-transfer")))
                .extract().path("items.find { it.caseId == '" + id + "' }.id");
        assign(SUPERVISOR, review, "cw-sup-co-2").statusCode(400).body("errors[0].message", containsString("for supervisors"));
        assign(SUPERVISOR, review, "sup-sup-co").statusCode(200).body("assignee", equalTo("sup-sup-co"));
    }

    /** A case whose referral cannot be sent (no consent to share): its send-referral step becomes an incident. */
    private static String stuck(String caseworker, String supervisor, String office) {
        String id = Workflow.register(caseworker, RegistrationFixture.valid(office).with("consent", Map.of("processing", true, "partnerSharing", false)));
        Workflow.work(caseworker, id, "schedule-interview", Forms.schedule());
        Workflow.work(caseworker, id, "conduct-interview", Forms.interview(false));
        Workflow.work(supervisor, id, "supervisor-review", Forms.approve("CANADA"));
        return id;
    }

    @Test
    void incidents_are_filtered_counted_and_paged_per_office_in_the_query() {
        String gtCaseworker = TokenFixture.caseworkerNamed("cw-sup-gt", "GT");
        String co = stuck(CASEWORKER, SUPERVISOR, "CO");
        String gt = stuck(gtCaseworker, GT_SUPERVISOR, "GT");
        for (var pair : List.of(Map.entry(SUPERVISOR, co), Map.entry(GT_SUPERVISOR, gt))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(pair.getKey()).get("/api/v1/incidents?size=100")
                    .then().extract().path("items.find { it.caseId == '" + pair.getValue() + "' }") != null);
        }
        List<String> all = given().auth().oauth2(SUPERVISOR).get("/api/v1/incidents?size=100").then().statusCode(200)
                .body("items.office", everyItem(equalTo("CO")))
                .body("items.caseId", not(hasItem(gt)))
                .extract().path("items.id");
        given().auth().oauth2(SUPERVISOR).get("/api/v1/incidents?size=100").then().body("total", equalTo(all.size()));
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < all.size(); page++) {
            paged.addAll(given().auth().oauth2(SUPERVISOR).get("/api/v1/incidents?size=1&page=" + page).then()
                    .body("total", equalTo(all.size())).body("items", org.hamcrest.Matchers.hasSize(1))
                    .extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(paged).containsExactlyElementsOf(all);
        given().auth().oauth2(GT_SUPERVISOR).get("/api/v1/incidents?size=100").then()
                .body("items.office", everyItem(equalTo("GT"))).body("items.caseId", hasItem(gt))
                .body("items.caseId", not(hasItem(co)));
    }

    @Test
    void a_stuck_referral_is_listed_as_an_incident_and_retried_once_consent_is_recorded() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO").with("consent", Map.of("processing", true, "partnerSharing", false)));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(false));
        Workflow.work(SUPERVISOR, id, "supervisor-review", Forms.approve("CANADA"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(SUPERVISOR).get("/api/v1/incidents?size=100")
                .then().extract().path("items.find { it.caseId == '" + id + "' }") != null);
        String incident = given().auth().oauth2(SUPERVISOR).get("/api/v1/incidents?office=CO&size=100").then()
                .body("items.find { it.caseId == '" + id + "' }.activity", equalTo("send-referral"))
                .body("items.find { it.caseId == '" + id + "' }.caseNumber", containsString("CO-"))
                .body("items.find { it.caseId == '" + id + "' }.message", containsString("consented"))
                .body("items.find { it.caseId == '" + id + "' }.retryable", equalTo(true))
                .extract().path("items.find { it.caseId == '" + id + "' }.id");
        given().auth().oauth2(GT_SUPERVISOR).post("/api/v1/incidents/" + incident + "/retry").then().statusCode(404);
        given().auth().oauth2(CASEWORKER).post("/api/v1/incidents/" + incident + "/retry").then().statusCode(403);

        long version = ((Number) Workflow.read(CASEWORKER, id).extract().path("version")).longValue();
        given().auth().oauth2(CASEWORKER).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(Map.of("consent", Map.of("given", true))).patch("/api/v1/cases/" + id).then().statusCode(200);
        given().auth().oauth2(SUPERVISOR).post("/api/v1/incidents/" + incident + "/retry").then().statusCode(202)
                .body("id", equalTo(incident));
        Workflow.awaitReferral(CASEWORKER, id, "CANADA", 1);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/incidents?size=100").then().body("items.id", not(hasItem(incident)));
        given().auth().oauth2(SUPERVISOR).post("/api/v1/incidents/" + incident + "/retry").then().statusCode(404);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/cases/" + id + "/history").then()
                .body("items.event", hasItem("incident.retried"));
    }

    private static io.restassured.response.ValidatableResponse assign(String token, String task, String assignee) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("assignee", assignee))
                .post("/api/v1/tasks/" + task + "/assign").then();
    }
}
