package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.SeededCases;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Finding a person the way the counter hears them: names without accents, in another order, with a typo, a household
 * member's name, a case, document or phone number; only in the caller's offices, and every search audited with what it
 * returned. Each test's people carry a family name made up for the run, so that other tests' cases never match.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseSearchIT {

    private static final String GT = TokenFixture.caseworkerNamed("cw-search-gt", "GT");
    private static final String CR = TokenFixture.caseworkerNamed("cw-search-cr", "CR");

    @Inject
    AgroalDataSource db;

    /** A family name no other test uses, e.g. "Quiroga Brtfe" (letters only, so that it folds to itself). */
    private static String madeUpFamilyName(String base) {
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tail.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return base + " " + Character.toUpperCase(tail.charAt(0)) + tail.substring(1);
    }

    private static ValidatableResponse search(String token, Map<String, ?> parameters) {
        return given().auth().oauth2(token).queryParams(parameters).get("/api/v1/cases").then();
    }

    @Test
    void names_are_found_without_accents_in_any_order_and_with_typos() {
        String family = madeUpFamilyName("Pérez Gómez");
        String plain = family.replace("é", "e").replace("ó", "o");
        String maria = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.givenName", "María José")
                .with("applicant.familyName", family).with("household[0].givenName", "Lucía")
                .with("household[0].familyName", "Zubiría " + family.substring(family.lastIndexOf(' ') + 1)));
        String other = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.givenName", "Pedro")
                .with("applicant.familyName", family));

        search(GT, Map.of("q", "Maria Jose " + plain)).statusCode(200)
                .body("items[0].id", equalTo(maria)).body("items.id", not(hasItem(other)));
        search(GT, Map.of("q", plain)).statusCode(200).body("items.id", hasItems(maria, other)).body("total", equalTo(2));
        search(GT, Map.of("q", plain + " maria")).statusCode(200).body("items[0].id", equalTo(maria));
        search(GT, Map.of("q", "MARÍA  JOSÉ, " + plain.toUpperCase())).statusCode(200).body("items[0].id", equalTo(maria));
        search(GT, Map.of("q", "Lucia Zubiria")).statusCode(200).body("items.id", hasItem(maria))
                .body("items.id", not(hasItem(other)));
        search(GT, Map.of("q", "Maira Jose " + plain)).statusCode(200).body("items[0].id", equalTo(maria));
        // a mistyped consonant defeats the codes; the trigram pass finds it when nothing else does
        String consonant = plain.replace("Gomez", "Gomes").replace("Perez", "Pemez");
        search(GT, Map.of("q", "Maria Jose " + consonant)).statusCode(200).body("items.id", hasItem(maria));
    }

    @Test
    void a_swapped_letter_in_a_short_name_is_still_found() {
        String family = madeUpFamilyName("Mwangi");
        String john = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.givenName", "John")
                .with("applicant.familyName", family).with("applicant.dateOfBirth", "1987-03-14"));
        search(GT, Map.of("q", "Jonh", "dateOfBirth", "1987-03-14")).statusCode(200).body("items.id", hasItem(john));
        search(GT, Map.of("q", "Jonh " + family)).statusCode(200).body("items[0].id", equalTo(john));
    }

    @Test
    void numbers_match_exactly_and_other_offices_stay_out() {
        String family = madeUpFamilyName("Arévalo");
        String document = "S" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String phone = "+5022" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String id = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.familyName", family)
                .with("applicant.documentNumber", document).with("applicant.phone", phone));
        String number = Workflow.read(GT, id).extract().path("caseNumber");

        search(GT, Map.of("q", number)).statusCode(200).body("items[0].id", equalTo(id));
        search(GT, Map.of("q", number.toLowerCase())).statusCode(200).body("items[0].id", equalTo(id));
        search(GT, Map.of("q", document)).statusCode(200).body("items[0].id", equalTo(id)).body("total", equalTo(1));
        search(GT, Map.of("q", phone)).statusCode(200).body("items[0].id", equalTo(id));
        search(GT, Map.of("q", family, "status", "ELIGIBLE", "registeredFrom", "2020-01-01")).statusCode(200)
                .body("items.id", hasItem(id));
        search(GT, Map.of("q", family, "status", "WITHDRAWN")).statusCode(200).body("items.id", not(hasItem(id)));
        search(GT, Map.of("q", family, "page", 5)).statusCode(200).body("items", equalTo(List.of()))
                .body("total", equalTo(1));

        search(CR, Map.of("q", family)).statusCode(200).body("items.id", not(hasItem(id)));
        search(CR, Map.of("q", document)).statusCode(200).body("total", equalTo(0));
        // the same name at CR: each office finds its own case, a supervisor of both finds both in one ranking
        String atCostaRica = Workflow.register(CR, RegistrationFixture.valid("CR").with("applicant.familyName", family));
        search(CR, Map.of("q", family)).statusCode(200).body("items.id", equalTo(List.of(atCostaRica)));
        search(TokenFixture.supervisor("GT", "CR"), Map.of("q", family)).statusCode(200)
                .body("items.id", equalTo(List.of(atCostaRica, id))).body("total", equalTo(2));
        search(TokenFixture.supervisor("GT", "CR"), Map.of("q", family, "size", 1, "page", 1)).statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("total", equalTo(2));
        search(CR, Map.of("q", family, "office", "GT")).statusCode(403);

        String returned = Rows.text(db, """
                select details::text from smo.audit_event where action = 'cases.searched' and actor = 'cw-search-gt'
                 and details -> 'filter' ->> 'q' = ? order by seq desc limit 1""", document);
        assertThat(returned).contains(id);
    }

    @Test
    void a_name_too_many_cases_share_lists_the_newest_holding_it_as_written_without_ranking_them_all() throws Exception {
        // a made-up name carried by more cases than a search ranks, seeded in SQL (the search rows through the same
        // triggers as a registration), 10 minutes old and older, a minute apart; a spelling with the same codes
        // (another final vowel) on five newer GT cases, and the name on three newer CR cases. Two made-up words: other
        // tests' made-up names may share one word's code (four letters of double metaphone), never both
        String family = madeUpFamilyName("X").substring(2);
        String given = madeUpFamilyName("X").substring(2) + "to";
        String name = given + " " + family;
        String alike = given.substring(0, given.length() - 1) + "a " + family;
        assertThat(Rows.text(db, "select cast(smo.search_codes(?) = smo.search_codes(?) as text)", name, alike))
                .isEqualTo("true");
        int many = CaseSearch.RANKED + 10;
        String batch = "search-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try {
            List<String> gt = SeededCases.insert(db, new SeededCases.Batch(batch, "GT", name, "", "VEN"), many,
                    Duration.ofMinutes(10), Duration.ofMinutes(1));
            List<String> alikes = SeededCases.insert(db, new SeededCases.Batch(batch, "GT", alike, "", "VEN"), 5,
                    Duration.ZERO, Duration.ofMinutes(1));
            List<String> cr = SeededCases.insert(db, new SeededCases.Batch(batch, "CR", name, "", "VEN"), 3,
                    Duration.ZERO, Duration.ofMinutes(1));
            // newest first among those holding the name as written, none of the alike spelling; the total says "more"
            search(GT, Map.of("q", name, "size", 20)).statusCode(200).body("total", equalTo(CaseSearch.RANKED))
                    .body("totalCapped", equalTo(true)).body("items.id", equalTo(gt.subList(0, 20)));
            search(GT, Map.of("q", name.toUpperCase(), "size", 20, "page", 2)).statusCode(200)
                    .body("totalCapped", equalTo(true)).body("items.id", equalTo(gt.subList(40, 60)));
            // a supervisor of both offices: each office's newest merged (CR's three are the newest of all)
            List<String> both = new java.util.ArrayList<>(cr);
            both.addAll(gt.subList(0, 7));
            search(TokenFixture.supervisor("GT", "CR"), Map.of("q", name, "size", 10)).statusCode(200)
                    .body("totalCapped", equalTo(true)).body("items.id", equalTo(both));
            // the alike spelling as written is held by five cases only: every match is ranked, and counted exactly
            List<String> ranked = new java.util.ArrayList<>(alikes);
            ranked.addAll(gt.subList(0, 15));
            search(GT, Map.of("q", alike, "size", 20)).statusCode(200).body("total", equalTo(many + 5))
                    .body("totalCapped", equalTo(false)).body("items.id", equalTo(ranked));
            // a page deeper than the name as written reaches is ranked too: the alike spelling comes after it
            List<String> last = new java.util.ArrayList<>(gt.subList(1_000, many));
            last.addAll(alikes);
            search(GT, Map.of("q", name, "size", 100, "page", 10)).statusCode(200).body("total", equalTo(many + 5))
                    .body("totalCapped", equalTo(false)).body("items.id", equalTo(last));
        } finally {
            SeededCases.delete(db, batch);
        }
    }

    @Test
    void bad_searches_are_refused_with_the_parameter_named() {
        search(GT, Map.of("q", "a")).statusCode(400).body("errors[0].field", equalTo("q"));
        search(GT, Map.of("q", "x".repeat(201))).statusCode(400).body("errors[0].field", equalTo("q"));
        search(GT, Map.of("dateOfBirth", "1990-13-01")).statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));
        search(GT, Map.of("registeredFrom", "2026-02-01", "registeredTo", "2026-01-01")).statusCode(400)
                .body("errors[0].field", equalTo("registeredTo"));
        search(GT, Map.of("q", "'; drop table smo.case_file; --")).statusCode(200);
        search(GT, Map.of("q", "%_%")).statusCode(200);
    }
}
