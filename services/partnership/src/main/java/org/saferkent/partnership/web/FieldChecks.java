package org.saferkent.partnership.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;

/** Collects every problem of one request, so that the answer names all offending fields at once. Never quotes a value. */
public final class FieldChecks {

    public static final int MAX_TEXT = 500;
    public static final int MAX_NAME = 200;
    public static final int MAX_LIST = 40;

    private final List<FieldProblem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public boolean maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    /** Required text of at most {@code max} characters. */
    public boolean text(String field, String value, int max) {
        return required(field, value) && maxLength(field, value, max);
    }

    /** A required date, not after {@code today}. */
    public boolean pastDate(String field, LocalDate value, LocalDate today) {
        if (!required(field, value)) {
            return false;
        }
        if (value.isAfter(today)) {
            add(field, "must not be in the future");
            return false;
        }
        return true;
    }

    /** A required Kent district; null (and a problem) when missing or unknown. */
    public District district(String field, String value) {
        if (!required(field, value)) {
            return null;
        }
        District found = District.fromCode(value).orElse(null);
        if (found == null) {
            add(field, "is not one of Kent's 12 districts");
        }
        return found;
    }

    /** @throws InvalidRequestException naming every problem found, if there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** The body itself, when a request needs one. */
    public static <T> T body(T body) {
        if (body == null) {
            throw InvalidRequestException.of("$", "is required: a JSON object");
        }
        return body;
    }
}
