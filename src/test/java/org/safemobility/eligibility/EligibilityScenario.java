package org.safemobility.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One row of {@code eligibility/scenarios.csv}: the inputs of the decision and what it must answer. The same table is
 * run against the DMN alone, through the what-if endpoint, and (rows dated "today") as real registrations.
 */
public record EligibilityScenario(String office, String nationality, String arrivalDate, String applicationDate,
                                  boolean eligible, String ruleId, String description) {

    private static final Map<String, ZoneId> OFFICE_ZONES = Map.of("GT", ZoneId.of("America/Guatemala"),
            "CR", ZoneId.of("America/Costa_Rica"), "CO", ZoneId.of("America/Bogota"), "EC", ZoneId.of("America/Guayaquil"));

    public static List<EligibilityScenario> all() {
        try (InputStream in = EligibilityScenario.class.getResourceAsStream("/eligibility/scenarios.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", 7))
                    .map(f -> new EligibilityScenario(f[0], f[1], f[2], f[3], Boolean.parseBoolean(f[4]), f[5], f[6]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<EligibilityScenario> datedToday() {
        return all().stream().filter(EligibilityScenario::appliesToday);
    }

    public boolean appliesToday() {
        return "today".equals(applicationDate);
    }

    /** "today" is the office's calendar day, as the service reckons it. */
    public LocalDate applicationDay() {
        return appliesToday() ? LocalDate.now(OFFICE_ZONES.getOrDefault(office, ZoneId.of("UTC")))
                : LocalDate.parse(applicationDate);
    }

    public LocalDate arrivalDay() {
        return LocalDate.parse(arrivalDate);
    }

    public List<String> expectedPathways() {
        return eligible ? Arrays.asList("US_REFUGEE", "US_OTHER", "CANADA", "SPAIN") : List.of();
    }

    @Override
    public String toString() {
        return "%s %s arrived %s applied %s -> %s (%s)".formatted(office, nationality, arrivalDate, applicationDate,
                ruleId, description);
    }
}
