package org.safemobility.errors;

import java.util.List;

/**
 * Input that breaks a rule, with each offending field named by its path as the client wrote it
 * ({@code applicant.dateOfBirth}, {@code household[1].nationality}, a query parameter's name).
 */
public class Invalid extends DomainException {

    /** One field and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public Invalid(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public static Invalid of(List<Violation> violations) {
        return new Invalid(summary(violations), violations);
    }

    public static Invalid of(String field, String message) {
        return of(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public static String summary(List<Violation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
