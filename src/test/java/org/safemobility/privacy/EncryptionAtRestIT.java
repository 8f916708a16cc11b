package org.safemobility.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safemobility.crypto.Keysets;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Sensitive fields are sealed in the database (a raw read shows none of them), are found by their blind indexes, never
 * reach engine variables or the audit trail, and keep opening across a key rotation made while registrations run.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EncryptionAtRestIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-sealed-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-sealed-gt", "GT");

    /** Every sealed column, by table. */
    private static final Map<String, List<String>> SEALED = Map.of(
            "case_file", List.of("applicant_document_number", "applicant_phone", "applicant_email"),
            "household_member", List.of("document_number", "vulnerabilities"),
            "interview", List.of("protection_needs", "vulnerabilities", "family_ties", "summary"),
            "case_note", List.of("text"),
            "referral", List.of("package", "questions", "answers"));

    @Inject
    AgroalDataSource db;

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private String rowsOf(String table, String column, String id) {
        return Rows.text(db, "select coalesce(string_agg(t::text, ' '), '') from smo." + table + " t where " + column
                + " = ?::uuid", id);
    }

    @Test
    void a_raw_read_of_the_tables_shows_no_plain_sensitive_value_and_search_still_finds_them() throws Exception {
        // everything the service logs while this test runs, at every level (the service runs in this JVM)
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                String logger = String.valueOf(record.getLoggerName());
                if (logger.startsWith("org.apache.http") || logger.startsWith("io.restassured")) {
                    return; // this test's own HTTP client, which logs what it sends
                }
                String message = record.getMessage();
                if (record.getParameters() != null && message != null) {
                    message = message + " " + java.util.Arrays.toString(record.getParameters());
                }
                log.add(record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        root.setLevel(java.util.logging.Level.FINE); // debug too: what an operator turning it on would see
        root.addHandler(capture);
        try {
            sealedEverywhere();
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        String logged = String.join("\n", log);
        assertThat(log).isNotEmpty();
        lastPlain.forEach(value -> assertThat(logged).as("the service's log").doesNotContain(value));
    }

    private List<String> lastPlain = List.of();

    private void sealedEverywhere() throws Exception {
        String phone = "+5023" + digits(7);
        String document = "SX" + digits(7);
        String memberDocument = "MX" + digits(7);
        String email = "sealed" + digits(5) + "@correo.test";
        String summary = "Marker" + digits(8) + " threatened by a gang";
        String note = "Note" + digits(8) + " called at home";
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("applicant.phone", phone)
                .with("applicant.documentNumber", document).with("applicant.email", email)
                .with("household[0].documentType", "PASSPORT").with("household[0].documentNumber", memberDocument)
                .with("household[0].vulnerabilities", List.of("SURVIVOR_OF_VIOLENCE")));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("text", note))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.with(Forms.interview(true), "summary", summary), "SPAIN");

        List<String> plain = List.of(phone, phone.substring(1), document, memberDocument, email, summary, note,
                "SURVIVOR_OF_VIOLENCE", "MEDICAL_NEED", "PERSECUTION_RISK", "Houston");
        String stored = rowsOf("case_file", "id", id) + rowsOf("household_member", "case_id", id)
                + rowsOf("interview", "case_id", id) + rowsOf("case_note", "case_id", id) + rowsOf("referral", "case_id", id)
                + rowsOf("person_search", "case_id", id) + rowsOf("case_search", "case_id", id)
                + rowsOf("audit_event", "case_id", id);
        assertThat(stored).contains("smo1:");
        plain.forEach(value -> assertThat(stored).as("stored rows of the case").doesNotContain(value));
        // the engine holds ids and decisions only: neither its variables nor their history carry the case's data
        String engine = Rows.text(db, """
                select coalesce(string_agg(concat_ws(' ', text_, text2_), ' '), '') from (
                  select text_, text2_ from act_ru_variable union all select text_, text2_ from act_hi_varinst
                  union all select text_, text2_ from act_hi_detail) v""");
        plain.forEach(value -> assertThat(engine).as("engine variables").doesNotContain(value));
        String bytes = Rows.text(db, "select coalesce(string_agg(encode(bytes_, 'escape'), ' '), '') from act_ge_bytearray "
                + "where name_ not like '%.bpmn' and name_ not like '%.dmn' and name_ not like '%.png'");
        plain.forEach(value -> assertThat(bytes).as("engine byte arrays").doesNotContain(value));

        String metrics = org.safemobility.fixtures.Management.given().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        plain.forEach(value -> assertThat(metrics).as("metrics").doesNotContain(value));
        lastPlain = plain;

        // what the office reads is the plain value; documents and phones are found by their blind indexes
        Workflow.read(CASEWORKER, id).body("applicant.phone", equalTo(phone)).body("applicant.documentNumber", equalTo(document))
                .body("household[0].documentNumber", equalTo(memberDocument)).body("interview.summary", equalTo(summary));
        for (String q : List.of(document, document.toLowerCase(), memberDocument, phone)) {
            given().auth().oauth2(CASEWORKER).queryParam("q", q).get("/api/v1/cases").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    /** The id of the key that sealed a stored value (Tink's prefix: a version byte, then the key id). */
    private static long keyOf(String stored) {
        byte[] ciphertext = Base64.getDecoder().decode(stored.substring("smo1:".length()));
        return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }

    private JsonPath reencryptUntilDone() {
        String after = null;
        for (int step = 0; step < 100; step++) {
            var request = given().auth().oauth2(TokenFixture.admin()).queryParam("batchSize", 50);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath progress = request.post("/api/v1/admin/encryption/reencryption").then().statusCode(200).extract().jsonPath();
            if (progress.getBoolean("done")) {
                return progress;
            }
            after = progress.getString("next");
        }
        throw new AssertionError("re-encryption did not finish in 100 steps");
    }

    @Test
    void keys_rotate_while_registrations_run_and_plain_rows_from_before_are_sealed() throws Exception {
        String before = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String legacyPhone = "+5024" + digits(7);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) { // as a row written before V22
            st.executeUpdate("update smo.case_file set applicant_phone = '" + legacyPhone + "', applicant_phone_index = null "
                    + "where id = '" + before + "'");
        }

        Map<String, String> registered = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            load.submit(() -> {
                while (running.get()) {
                    String phone = "+5025" + digits(7);
                    var response = given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                            .body(RegistrationFixture.valid("GT").with("applicant.phone", phone).body()).post("/api/v1/cases");
                    if (response.statusCode() == 201) {
                        registered.put(response.jsonPath().getString("id"), phone);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(1500);
        Keysets.rotate(Path.of("target/test-keys/data-keyset.json"));
        JsonPath first = reencryptUntilDone();
        Thread.sleep(1000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long primary = reencryptUntilDone().getLong("primaryKeyId"); // registrations that began before the rotation
        assertThat(first.getLong("primaryKeyId")).isEqualTo(primary);
        assertThat(failed.get()).isZero();
        assertThat(registered).hasSizeGreaterThan(2);

        List<String> stale = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (var table : SEALED.entrySet()) {
                for (String column : table.getValue()) {
                    try (ResultSet rs = st.executeQuery("select " + column + " from smo." + table.getKey() + " where "
                            + column + " is not null")) {
                        while (rs.next()) {
                            String value = rs.getString(1);
                            if (!value.startsWith("smo1:") || keyOf(value) != primary) {
                                stale.add(table.getKey() + "." + column);
                            }
                        }
                    }
                }
            }
        }
        assertThat(stale).as("values not sealed with the new primary key").isEmpty();
        registered.forEach((id, phone) -> Workflow.read(CASEWORKER, id).body("applicant.phone", equalTo(phone)));
        Workflow.read(CASEWORKER, before).body("applicant.phone", equalTo(legacyPhone));
        given().auth().oauth2(CASEWORKER).queryParam("q", legacyPhone).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(before));
        given().auth().oauth2(CASEWORKER).post("/api/v1/admin/encryption/reencryption").then().statusCode(403);
        given().auth().oauth2(TokenFixture.admin()).queryParam("after", "not-a-position")
                .post("/api/v1/admin/encryption/reencryption").then().statusCode(400);
    }
}
