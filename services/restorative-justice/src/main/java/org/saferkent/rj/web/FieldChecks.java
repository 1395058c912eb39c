package org.saferkent.rj.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.vocabulary.District;
import org.saferkent.rj.vocabulary.OffenceCategories;
import org.saferkent.rj.vocabulary.Pseudonyms;

/** Collects every problem of one request, so that the answer names all offending fields at once. */
public final class FieldChecks {

    public static final int MAX_TEXT = 200;

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

    /** Required short text, at most {@link #MAX_TEXT} characters. */
    public boolean text(String field, String value) {
        if (!required(field, value)) {
            return false;
        }
        return maxLength(field, value, MAX_TEXT);
    }

    public boolean maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    public boolean pseudonym(String field, String value) {
        if (!required(field, value)) {
            return false;
        }
        if (!Pseudonyms.isKeyed(value)) {
            add(field, "must be the partnership's keyed pseudonym (64 lowercase hex characters), never a name");
            return false;
        }
        return true;
    }

    /** A date that has happened: required, and not after {@code today}. */
    public boolean pastDate(String field, LocalDate value, LocalDate today) {
        if (!required(field, value)) {
            return false;
        }
        if (value.isAfter(today)) {
            add(field, "is in the future");
            return false;
        }
        return true;
    }

    public boolean range(String field, Integer value, int min, int max, String why) {
        if (!required(field, value)) {
            return false;
        }
        if (value < min || value > max) {
            add(field, "must be " + min + " to " + max + why);
            return false;
        }
        return true;
    }

    /** A required code of {@code type} ({@code direct-conference}); null (and a problem) when missing or unknown. */
    public <E extends Enum<E>> E code(String field, String value, Class<E> type) {
        if (!required(field, value)) {
            return null;
        }
        E found = Codes.parse(type, value).orElse(null);
        if (found == null) {
            add(field, "must be " + Codes.choices(type));
        }
        return found;
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

    /** A required police.uk category or partnership flag. */
    public void category(String field, String value) {
        if (required(field, value) && !OffenceCategories.isKnown(value)) {
            add(field, "is not a police.uk category or a recognised flag");
        }
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
