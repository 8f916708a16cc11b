package org.safemobility.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safemobility.fixtures.TokenFixture;

/**
 * Flyway moves existing data, it never drops and recreates: a database at schema version 9, filled with a case in
 * every status as the code of that version stored them ({@code migration/v9-cases.sql}: the eligibility decision,
 * override, interview and review still columns of {@code case_file}), is migrated by the service's own start-up, and
 * every case, its referrals, the case list and the statistics read exactly as the version-9 service answered for the
 * same rows ({@code migration/v9-expected/}: recorded by a throw-away test run on commit 4cca31f, the last at version 9,
 * that loaded the same SQL and saved its answers). A migration that lost a column fails here, case by case.
 */
@QuarkusTest
@TestProfile(SchemaMigrationIT.FromVersion9.class)
class SchemaMigrationIT {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/smo_migration_test";
    static final int CASES = 17;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class FromVersion9 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", URL);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Version9Database.class));
        }
    }

    /** Brings {@code smo_migration_test} to version 9 and fills it, before the service starts and migrates it. */
    public static class Version9Database implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (Connection c = DriverManager.getConnection(URL, "smo", "smo"); Statement st = c.createStatement()) {
                st.execute("drop owned by current_user cascade"); // a previous run's schema and engine tables
                Flyway.configure().dataSource(URL, "smo", "smo").schemas("smo").defaultSchema("smo").createSchemas(true)
                        .locations("classpath:db/migration").target("9").load().migrate();
                st.execute(resource("migration/v9-cases.sql"));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare " + URL + " (./mvnw verify creates it)", e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    static String resource(String path) {
        try (InputStream in = SchemaMigrationIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static IntStream cases() {
        return IntStream.rangeClosed(1, CASES);
    }

    private static final String TOKEN = TokenFixture.supervisor("GT", "CR");

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void every_case_reads_as_it_did_at_version_9(int n) throws IOException {
        String id = "00000000-0000-4000-8000-%012d".formatted(n);
        JsonNode now = JSON.readTree(given().auth().oauth2(TOKEN).get("/api/v1/cases/" + id).then().statusCode(200)
                .extract().asString());
        assertReadsAsBefore(now, "case-%02d.json".formatted(n));
        JsonNode referralsNow = JSON.readTree(given().auth().oauth2(TOKEN).get("/api/v1/cases/" + id + "/referrals").then()
                .statusCode(200).extract().asString());
        assertReadsAsBefore(referralsNow, "referrals-%02d.json".formatted(n));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GT", "CR"})
    void the_statistics_count_the_migrated_cases_as_before(String office) throws IOException {
        JsonNode now = JSON.readTree(given().auth().oauth2(TOKEN).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-07-31").queryParam("office", office).get("/api/v1/stats").then().statusCode(200)
                .extract().asString());
        assertReadsAsBefore(now, "stats-" + office + ".json");
    }

    @Test
    void the_case_list_is_unchanged() throws IOException {
        JsonNode now = JSON.readTree(given().auth().oauth2(TOKEN).queryParam("office", "GT").queryParam("size", 100)
                .get("/api/v1/cases").then().statusCode(200).extract().asString());
        assertReadsAsBefore(now, "list-GT.json");
    }

    /**
     * Every field the version-9 service answered is there with the same value (arrays element by element, same
     * length); fields added by later versions are not compared, so the test keeps guarding the migrated data when the
     * API grows.
     */
    static void assertReadsAsBefore(JsonNode now, String expected) throws IOException {
        List<String> differences = new ArrayList<>();
        compare(JSON.readTree(resource("migration/v9-expected/" + expected)), now, "$", differences);
        assertThat(differences).as("what reads differently from version 9 (%s)", expected).isEmpty();
    }

    private static void compare(JsonNode then, JsonNode now, String path, List<String> differences) {
        if (now == null) {
            differences.add(path + ": missing, was " + then);
        } else if (then.isObject() && now.isObject()) {
            then.fieldNames().forEachRemaining(field -> compare(then.get(field), now.get(field), path + "." + field, differences));
        } else if (then.isArray() && now.isArray() && then.size() == now.size()) {
            for (int i = 0; i < then.size(); i++) {
                compare(then.get(i), now.get(i), path + "[" + i + "]", differences);
            }
        } else if (!then.equals(now)) {
            differences.add(path + ": was " + then + ", now " + now);
        }
    }
}
