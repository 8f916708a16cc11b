package org.safemobility.codes;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An ISO 639-1 language code in lower case (e.g. {@code es}). */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = IsoCodes.LanguageCodeValidator.class)
public @interface LanguageCode {
    String message() default "must be an ISO 639-1 language code in lower case, e.g. es";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
