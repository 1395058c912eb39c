package org.saferkent.commissioning.contract.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An amount in GBP: from 0 to {@link ContractTermRules#MAX_PENCE} pence, whole pence (10.50, or 10.500: the zeros say nothing). */
@Documented
@Constraint(validatedBy = Pounds.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Pounds {

    String message() default "must be GBP from 0 with at most two decimal places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Pounds, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || value.signum() >= 0 && value.stripTrailingZeros().scale() <= 2
                    && value.movePointRight(2).compareTo(BigDecimal.valueOf(ContractTermRules.MAX_PENCE)) <= 0;
        }
    }
}
