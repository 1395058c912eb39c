package org.saferkent.commissioning.contract.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.saferkent.platform.service.ConstraintMessage;

/**
 * A list of one or more codes of the {@link Vocabulary} (each item checked by {@link OneOf}). With {@code whenGiven},
 * a missing list is fine (the term is not being changed), an empty one is not.
 */
@Documented
@Constraint(validatedBy = OneOrMoreOf.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOrMoreOf {

    Vocabulary value();

    boolean whenGiven() default false;

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneOrMoreOf, List<?>> {

        private OneOrMoreOf constraint;

        @Override
        public void initialize(OneOrMoreOf constraint) {
            this.constraint = constraint;
        }

        @Override
        public boolean isValid(List<?> values, ConstraintValidatorContext context) {
            if (values == null ? constraint.whenGiven() : !values.isEmpty()) {
                return true;
            }
            return ConstraintMessage.refuse(context, "is required: one or more of " + constraint.value().choices());
        }
    }
}
