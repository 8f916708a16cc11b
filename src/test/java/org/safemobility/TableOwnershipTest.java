package org.safemobility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each capability owns its tables: their entities live in its package and only its code names them, in JPQL through
 * the entity or in native SQL ({@code smo.<table>}). ArchUnit sees the entities' users but not the SQL text, so this
 * reads the sources.
 */
class TableOwnershipTest {

    /** Every table of schema smo and the capability that owns it. A new table is added here on purpose. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("office", "access"),
            Map.entry("staff", "access"),
            Map.entry("audit_event", "audit"),
            Map.entry("audit_chain_head", "audit"),
            Map.entry("idempotency_record", "http"),
            Map.entry("case_file", "intake"),
            Map.entry("intake_change", "intake"),
            Map.entry("intake_day", "intake"),
            Map.entry("household_member", "intake"),
            Map.entry("case_number_counter", "intake"),
            Map.entry("eligibility_decision", "eligibility"),
            Map.entry("eligibility_rule_upload", "eligibility"),
            Map.entry("rescreening", "eligibility"),
            Map.entry("interview", "screening"),
            Map.entry("supervisor_review", "screening"),
            Map.entry("case_note", "screening"),
            Map.entry("partner", "referral"),
            Map.entry("partner_pathway", "referral"),
            Map.entry("referral", "referral"),
            Map.entry("outbox_event", "referral"),
            Map.entry("open_task", "supervision"),
            Map.entry("queue_tally", "supervision"),
            Map.entry("escalation", "supervision"),
            Map.entry("case_cohort", "supervision"),
            Map.entry("case_search", "intake"),
            Map.entry("name_word", "intake"),
            Map.entry("person_search", "intake"),
            Map.entry("possible_duplicate", "intake"),
            Map.entry("consent_record", "intake"),
            Map.entry("case_link", "intake"),
            Map.entry("case_transfer", "intake"),
            Map.entry("case_number_alias", "intake"),
            Map.entry("pathway_suspension", "eligibility"),
            Map.entry("pathway_hold", "referral"),
            Map.entry("bulk_action", "supervision"),
            Map.entry("bulk_action_case", "supervision"));

    private static final Path MAIN = Path.of("src/main/java/org/safemobility");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern NATIVE = Pattern.compile("\\bsmo\\.([a-z_]+)\\b");
    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\(name = \"([a-z_]+)\"");
    private static final Pattern CREATED = Pattern.compile("create table ([a-z_]+)");
    private static final Pattern DROPPED = Pattern.compile("drop table (?:if exists )?([a-z_]+)");

    @Test
    void every_table_has_an_owner() throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path migration : files.sorted().toList()) {
                String sql = Files.readString(migration).toLowerCase();
                CREATED.matcher(sql).results().forEach(m -> tables.add(m.group(1)));
                DROPPED.matcher(sql).results().forEach(m -> tables.remove(m.group(1)));
            }
        }
        assertThat(OWNERS.keySet()).as("tables created by the migrations, each with its owning capability")
                .containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void only_the_owning_capability_names_a_table() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String capability = MAIN.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                for (Pattern pattern : List.of(NATIVE, ENTITY_TABLE)) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        String owner = OWNERS.get(m.group(1));
                        if (owner != null && !owner.equals(capability)) {
                            trespasses.add(MAIN.relativize(file) + " names " + m.group(1) + ", which " + owner + " owns");
                        }
                    }
                }
            }
        }
        assertThat(trespasses).as("a capability reads another's data through its service or its events").isEmpty();
    }
}
