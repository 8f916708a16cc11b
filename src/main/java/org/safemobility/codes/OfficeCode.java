package org.safemobility.codes;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The code of an office: two capital letters, e.g. {@code GT}. Whether that office exists is the access check's. */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
@Pattern(regexp = "[A-Z]{2}")
@jakarta.validation.ReportAsSingleViolation
public @interface OfficeCode {
    String message() default "must be an office code such as GT";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
