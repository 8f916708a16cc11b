package org.safemobility.codes;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An ISO 3166-1 alpha-3 country code in upper case (e.g. {@code VEN}), or one of ICAO 9303's codes for stateless persons and refugees. */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = IsoCodes.CountryCodeValidator.class)
public @interface CountryCode {
    String message() default "must be an ISO 3166-1 alpha-3 country code in upper case, e.g. VEN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
