package org.safemobility.codes;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The code lists behind {@link CountryCode} and {@link LanguageCode}, taken from the JDK's ISO tables. */
public final class IsoCodes {

    /**
     * ICAO Doc 9303 codes used on travel documents of people without a nationality: stateless (XXA), refugee under
     * the 1951 Convention (XXB), other refugee (XXC), unspecified (XXX). Displaced people carry them.
     */
    private static final Set<String> TRAVEL_DOCUMENT_CODES = Set.of("XXA", "XXB", "XXC", "XXX");

    private static final Set<String> COUNTRIES = Stream.concat(
                    Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream(),
                    TRAVEL_DOCUMENT_CODES.stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> LANGUAGES = Stream.of(Locale.getISOLanguages())
            .filter(code -> code.length() == 2)
            .collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {
    }

    /** Every country code a nationality may take, sorted. */
    public static java.util.List<String> countries() {
        return COUNTRIES.stream().sorted().toList();
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isLanguage(String code) {
        return code != null && LANGUAGES.contains(code);
    }

    public static class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isCountry(value);
        }
    }

    public static class LanguageCodeValidator implements ConstraintValidator<LanguageCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isLanguage(value);
        }
    }
}
