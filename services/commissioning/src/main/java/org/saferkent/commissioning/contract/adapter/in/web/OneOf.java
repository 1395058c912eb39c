package org.saferkent.commissioning.contract.adapter.in.web;

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

/** A code of the {@link Vocabulary}: "must be one of ..." otherwise, missing included (a list's item has no default). */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Vocabulary value();

    String message() default "is not a known code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneOf, String> {

        private Vocabulary vocabulary;

        @Override
        public void initialize(OneOf constraint) {
            vocabulary = constraint.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return vocabulary.knows(value) || ConstraintMessage.refuse(context, "must be one of " + vocabulary.choices());
        }
    }
}
