package org.saferkent.platform.service;

import jakarta.validation.ConstraintValidatorContext;

/** For a custom constraint whose message is built from its vocabulary ("must be a, b or c"). */
public final class ConstraintMessage {

    private ConstraintMessage() {
    }

    /** Refuses the value with {@code message}, taken literally (not as a message template): always false. */
    public static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replaceAll("([\\\\{}$])", "\\\\$1")).addConstraintViolation();
        return false;
    }
}
