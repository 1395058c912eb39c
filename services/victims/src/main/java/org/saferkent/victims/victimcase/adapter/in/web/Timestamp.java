package org.saferkent.victims.victimcase.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An RFC 3339 timestamp ({@code 2026-11-30T10:15:00Z}, or with an offset). Null is fine. */
@Documented
@Constraint(validatedBy = Timestamp.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Timestamp {

    String message() default "is not a timestamp (e.g. 2026-11-30T10:15:00Z)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Timestamp, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The timestamp, or null when it is not one. */
        static java.time.Instant parse(String value) {
            try {
                return value == null ? null : OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
