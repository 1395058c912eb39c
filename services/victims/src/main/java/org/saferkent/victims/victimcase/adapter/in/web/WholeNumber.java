package org.saferkent.victims.victimcase.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A whole number from {@code min} to {@code max}, as a query parameter's text. Null is fine. */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    int min();

    int max();

    String message() default "must be a whole number from {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<WholeNumber, String> {

        private int min;
        private int max;

        @Override
        public void initialize(WholeNumber constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null && parse(value) >= min && parse(value) <= max;
        }

        /** The number, or null when it is not one. */
        static Integer parse(String value) {
            try {
                return value == null ? null : Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
