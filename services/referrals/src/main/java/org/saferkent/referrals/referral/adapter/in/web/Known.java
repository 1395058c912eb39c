package org.saferkent.referrals.referral.adapter.in.web;

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

/**
 * A value of the {@link Vocabulary} (a district, a category, a flag...). A missing field is fine (left to
 * {@code @NotBlank} where it is required); a list's missing item ({@code nullable = false}) is not one.
 */
@Documented
@Constraint(validatedBy = Known.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Known {

    Vocabulary value();

    boolean nullable() default true;

    String message() default "is not a known value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Known, String> {

        private Known constraint;

        @Override
        public void initialize(Known constraint) {
            this.constraint = constraint;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null ? constraint.nullable() : constraint.value().accepts(value)) {
                return true;
            }
            return ConstraintMessage.refuse(context, constraint.value().refusal());
        }
    }
}
