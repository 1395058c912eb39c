package org.saferkent.partnership.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A year from {@code from} to 2100, as a query parameter's text. Null or blank is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = Year.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Year {

    int from();

    String message() default "must be a year from {from}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Year, String> {

        private int from;

        @Override
        public void initialize(Year constraint) {
            from = constraint.from();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            Integer year = parse(value);
            return year != null && year >= from && year <= 2100;
        }

        /** The year, or null when it is not a number. */
        public static Integer parse(String value) {
            try {
                return value == null ? null : Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
