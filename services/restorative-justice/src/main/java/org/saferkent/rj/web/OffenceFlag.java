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

import org.saferkent.platform.service.ConstraintMessage;
import org.saferkent.rj.vocabulary.OffenceCategories;

/** One of the partnership's flags ({@code domestic-abuse}, {@code hate-crime}...), as a list's item. */
@Documented
@Constraint(validatedBy = OffenceFlag.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OffenceFlag {

    String message() default "is not a recognised flag";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OffenceFlag, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && OffenceCategories.FLAGS.contains(value)
                    || ConstraintMessage.refuse(context, "is not one of " + OffenceCategories.FLAGS);
        }
    }
}
