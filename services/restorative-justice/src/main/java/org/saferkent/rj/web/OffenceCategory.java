package org.saferkent.rj.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.saferkent.rj.vocabulary.OffenceCategories;

/** A police.uk crime category or one of the partnership's flags. Null or blank is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = OffenceCategory.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OffenceCategory {

    String message() default "is not a police.uk category or a recognised flag";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OffenceCategory, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || OffenceCategories.isKnown(value);
        }
    }
}
