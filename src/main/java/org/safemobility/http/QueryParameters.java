package org.safemobility.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.safemobility.codes.IsoCodes;

/**
 * Parses query parameters with errors that name the parameter. JAX-RS would answer a malformed {@code ?size=abc}
 * or an unknown enum constant with a bare 404; a client deserves a 400 saying which parameter is wrong.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int integer(String raw, String name, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ApiException.invalid(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number between " + min + " and " + max);
        }
    }

    public static boolean bool(String raw, String name, boolean defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    /** true, false, or null when absent: a filter that does not narrow unless given. */
    public static Boolean optionalBool(String raw, String name) {
        return raw == null || raw.isBlank() ? null : bool(raw, name, false);
    }

    public static <E extends Enum<E>> E enumeration(String raw, String name, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(raw.trim())).findFirst()
                .orElseThrow(() -> ApiException.invalid(name, "must be one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
    }

    public static String country(String raw, String name) {
        return country(raw, name, false);
    }

    public static String country(String raw, String name, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.invalid(name, "is required (an ISO 3166-1 alpha-3 country code, e.g. VEN)");
            }
            return null;
        }
        if (!IsoCodes.isCountry(raw.trim())) {
            throw ApiException.invalid(name, "must be an ISO 3166-1 alpha-3 country code in upper case, e.g. VEN");
        }
        return raw.trim();
    }

    public static LocalDate date(String raw, String name, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw ApiException.invalid(name, "is required (a date in the form YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be a date in the form YYYY-MM-DD");
        }
    }

    public static String office(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.trim().matches("[A-Z]{2}")) {
            throw ApiException.invalid(name, "must be an office code such as GT");
        }
        return raw.trim();
    }
}
