package org.saferkent.referrals.referral.adapter.in.web;

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

/** A list of at most {@code value} items: a longer one is one problem ("... not 12"), not one per item. */
@Documented
@Constraint(validatedBy = AtMost.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface AtMost {

    int value();

    String message() default "holds too many values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<AtMost, List<?>> {

        private int max;

        @Override
        public void initialize(AtMost constraint) {
            max = constraint.value();
        }

        @Override
        public boolean isValid(List<?> values, ConstraintValidatorContext context) {
            if (values == null || values.size() <= max) {
                return true;
            }
            return ConstraintMessage.refuse(context, "must hold at most " + max + " values, not " + values.size());
        }
    }
}
