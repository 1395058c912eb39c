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
import org.saferkent.rj.vocabulary.Codes;

/** One of an enum's codes ({@code direct-conference}); "must be a, b or c" otherwise. Null is left to {@code @NotBlank}. */
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
            if (value == null || value.isBlank() || Codes.parse((Class) type, value).isPresent()) {
                return true;
            }
            return ConstraintMessage.refuse(context, "must be " + Codes.choices((Class) type));
        }
    }
}
