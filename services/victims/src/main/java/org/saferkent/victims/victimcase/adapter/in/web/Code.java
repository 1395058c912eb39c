package org.saferkent.victims.victimcase.adapter.in.web;

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
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.Codes;

/** One of an enum's codes ({@code no-answer}); "must be a, b or c" otherwise. Null is fine; blank is not a code. */
@Documented
@Constraint(validatedBy = Code.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Code {

    Class<? extends Enum<?>> value();

    String message() default "is not a known code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Code, String> {

        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(Code constraint) {
            type = constraint.value();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Codes.parse((Class) type, value).isPresent()) {
                return true;
            }
            return ConstraintMessage.refuse(context, "must be " + Codes.listOf((Class) type));
        }

        /**
         * A map's value, checked in code with its key (which codes it takes depends on the key): the code, or null
         * with a problem named {@code field}.
         */
        static <E extends Enum<E>> E inMap(RequestProblems problems, String field, String value, Class<E> type) {
            E parsed = Codes.parse(type, value).orElse(null);
            if (value == null || value.isBlank()) {
                problems.add(field, "is required");
            } else if (parsed == null) {
                problems.add(field, "must be " + Codes.listOf(type));
            }
            return parsed;
        }
    }
}
