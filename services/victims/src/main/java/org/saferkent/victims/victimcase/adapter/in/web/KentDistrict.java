package org.saferkent.victims.victimcase.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** One of Kent's twelve districts, by its code (any case). Null is fine. */
@Documented
@Constraint(validatedBy = KentDistrict.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KentDistrict {

    String message() default "is not one of Kent's 12 districts";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<KentDistrict, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Districts.KENT.contains(value.trim().toLowerCase(Locale.ROOT));
        }
    }
}
