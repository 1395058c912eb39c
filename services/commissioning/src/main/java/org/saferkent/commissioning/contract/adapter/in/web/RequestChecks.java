package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.saferkent.commissioning.contract.domain.TargetTerms;
import org.saferkent.commissioning.vocabulary.Measure;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;

/** Collects every problem of a request, so that one answer names them all. Never quotes a value. */
final class RequestChecks {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 500;
    /** £1bn: far above any contract the PCC lets, well inside a long. */
    static final long MAX_PENCE = 100_000_000_000L;

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        return value.trim();
    }

    /** A non-empty list of distinct codes, each accepted by {@code known}. */
    List<String> codes(String field, List<String> values, Predicate<String> known, String choices) {
        if (values == null || values.isEmpty()) {
            add(field, "is required: one or more of " + choices);
            return null;
        }
        List<String> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!known.test(value)) {
                add(field + "[" + i + "]", "must be one of " + choices);
            } else if (!seen.add(value)) {
                add(field + "[" + i + "]", "is repeated");
            } else {
                codes.add(value);
            }
        }
        return codes.size() == values.size() ? codes : null;
    }

    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            add(field, "is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** The value in pence from either {@code value} (GBP) or {@code valuePence}; null with a problem, or when neither and optional. */
    Long pence(BigDecimal value, Long valuePence, boolean required) {
        if (value != null && valuePence != null) {
            add("valuePence", "give value (GBP) or valuePence, not both");
            return null;
        }
        if (value == null && valuePence == null) {
            if (required) {
                add("value", "is required: GBP (e.g. 125000.00), or valuePence as a whole number");
            }
            return null;
        }
        if (valuePence != null) {
            if (valuePence < 0 || valuePence > MAX_PENCE) {
                add("valuePence", "must be a whole number of pence from 0 to " + MAX_PENCE);
                return null;
            }
            return valuePence;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2
                || value.movePointRight(2).compareTo(BigDecimal.valueOf(MAX_PENCE)) > 0) {
            add("value", "must be GBP from 0 with at most two decimal places");
            return null;
        }
        return value.movePointRight(2).longValueExact();
    }

    /** Targets, each measure at most once; an empty or missing list is none. */
    List<TargetTerms> targets(List<TargetRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        List<TargetTerms> targets = new ArrayList<>();
        Set<Measure> seen = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = "targets[" + i + "]";
            TargetRequest request = requests.get(i);
            if (request == null) {
                add(field, "is required");
                continue;
            }
            Measure measure = Measure.parse(request.measure()).orElse(null);
            if (measure == null) {
                add(field + ".measure", "must be one of " + Measure.choices());
            } else if (!seen.add(measure)) {
                add(field + ".measure", "is repeated");
                measure = null;
            }
            boolean targetOk = request.target() != null;
            if (!targetOk) {
                add(field + ".target", "is required");
            } else if (measure != null && !measure.scale().contains(request.target())) {
                add(field + ".target", "must be from " + measure.scale().min() + " to " + measure.scale().max()
                        + (measure.scale() == Measure.Scale.SHARE ? " (a share: 0.85 = 85%)" : ""));
                targetOk = false;
            }
            BigDecimal amber = request.amberWithin() == null ? BigDecimal.ZERO : request.amberWithin();
            boolean amberOk = amber.signum() >= 0 && (measure == null
                    || amber.compareTo(measure.scale().max().subtract(measure.scale().min())) <= 0);
            if (!amberOk) {
                add(field + ".amberWithin", "must be 0 or more, within the measure's range");
            }
            if (measure != null && targetOk && amberOk) {
                targets.add(new TargetTerms(measure.code(), request.target(), amber));
            }
        }
        return targets;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
