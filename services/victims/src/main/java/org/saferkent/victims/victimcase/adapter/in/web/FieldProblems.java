package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.RuleViolation;

/** Collects every problem of a request, so that one answer names them all. Never quotes a value. */
final class FieldProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** @return whether the value is there */
    boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    /** A required code of {@code type}, or null (with a problem). */
    <E extends Enum<E>> E code(String field, String value, Class<E> type) {
        if (!required(field, value)) {
            return null;
        }
        return optionalCode(field, value, type);
    }

    <E extends Enum<E>> E optionalCode(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        E parsed = Codes.parse(type, value).orElse(null);
        if (parsed == null) {
            add(field, "must be " + Codes.listOf(type));
        }
        return parsed;
    }

    /** An RFC 3339 timestamp ({@code 2026-11-30T10:15:00Z} or with an offset), or null. */
    Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            add(field, "is not a timestamp (e.g. 2026-11-30T10:15:00Z)");
            return null;
        }
    }

    LocalDate date(String field, String value) {
        if (!required(field, value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            add(field, "is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    Integer integer(String field, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(field, "must be a whole number from " + min + " to " + max);
        return null;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** The case's own rules, answered like any other invalid request. */
    static InvalidRequestException of(RuleViolation violation) {
        return new InvalidRequestException(violation.problems().stream()
                .map(p -> new FieldProblem(p.field(), p.message())).toList());
    }
}
