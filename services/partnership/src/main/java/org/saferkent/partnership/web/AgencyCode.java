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

import org.saferkent.partnership.vocabulary.Agencies;

/** A partner agency's code; a list's missing item is not one. A missing field is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = AgencyCode.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AgencyCode {

    String message() default "is not a known agency code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<AgencyCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Agencies.isKnown(value);
        }
    }
}
