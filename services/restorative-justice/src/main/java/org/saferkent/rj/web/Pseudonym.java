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

import org.saferkent.rj.vocabulary.Pseudonyms;

/** The partnership's keyed pseudonym, never a name. Null or blank is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = Pseudonym.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Pseudonym {

    String message() default "must be the partnership's keyed pseudonym (64 lowercase hex characters), never a name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Pseudonym, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Pseudonyms.isKeyed(value);
        }
    }
}
