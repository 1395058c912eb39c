package org.saferkent.platform.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintDefinitionException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * One of a vocabulary's codes; otherwise the problem is the vocabulary's {@link Vocabulary#refusal() refusal}.
 * Null always passes (left to {@code @NotNull} / {@code @NotBlank}); whether blank does, each use says:
 * <pre>{@code
 * @NotBlank(message = "is required") @OneOf(value = ClosureReason.class, blank = Blank.ALLOWED) String reason,
 * @OneOf(value = KentDistricts.class, blank = Blank.REFUSED) String district,    // a filter: ?district= is a mistake
 * }</pre>
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    /**
     * The vocabulary: a {@link Vocabulary} class with a no-argument constructor (it may be package-private), or
     * an enum, whose constants' codes are the vocabulary ({@link Vocabulary#codesOf}).
     */
    Class<?> value();

    /** Whether a blank value (empty, or spaces only) passes. */
    Blank blank();

    /** Unused: the problem says the vocabulary's {@link Vocabulary#refusal() refusal} (Bean Validation requires this). */
    String message() default "is not one of the codes allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Blank {
        /** A blank value passes: {@code @NotBlank} beside answers it ("is required"), or blank means none. */
        ALLOWED,
        /** A blank value is refused like any other value outside the vocabulary. */
        REFUSED
    }

    /**
     * No code is longer (with spaces around it): a longer value is refused before a vocabulary trims or lower-cases it.
     * {@code String.toLowerCase} copies its whole result again for each {@code İ} (U+0130) it meets, so 600,000 of them in
     * a 1.2 MB body held a request thread for minutes (found by fuzz.sh).
     */
    int MAX_LENGTH = 100;

    final class Check implements ConstraintValidator<OneOf, String> {

        private Vocabulary vocabulary;
        private boolean blankAllowed;

        @Override
        public void initialize(OneOf constraint) {
            vocabulary = vocabulary(constraint.value());
            blankAllowed = constraint.blank() == Blank.ALLOWED;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || (value.isBlank() ? blankAllowed : value.length() <= MAX_LENGTH && vocabulary.contains(value))) {
                return true;
            }
            return ConstraintMessage.refuse(context, vocabulary.refusal());
        }

        @SuppressWarnings("unchecked")
        static Vocabulary vocabulary(Class<?> type) {
            if (type.isEnum()) {
                return Vocabulary.codesOf((Class<? extends Enum<?>>) type);
            }
            if (!Vocabulary.class.isAssignableFrom(type)) {
                throw new ConstraintDefinitionException("@OneOf(" + type.getName() + ".class): neither an enum nor a "
                        + Vocabulary.class.getName());
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                return (Vocabulary) constructor.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ConstraintDefinitionException("@OneOf(" + type.getName() + ".class): the vocabulary cannot be made "
                        + "with a no-argument constructor", e);
            }
        }
    }
}
