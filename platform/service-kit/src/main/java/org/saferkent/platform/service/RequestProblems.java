package org.saferkent.platform.service;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.ProblemResponses.FieldProblem;

/**
 * Every problem of one request, answered together: the request record's Bean Validation constraints (its field
 * rules), then the rules code checks (across fields, or against the caller), in one 422 problem whose list names
 * each field once, never quoting a value.
 * <p>
 * Why not {@code @Valid} on the body: Spring would refuse the request on its constraints before the code's rules
 * ran, and a client with both kinds of mistake would learn of them one answer at a time.
 * <pre>{@code
 * RequestProblems problems = RequestProblems.of(validator, request);   // constraints
 * if (problems.isValid("offenceDate") && ...) problems.add("disposalDate", "is before the offence date");
 * problems.throwIfAny();
 * }</pre>
 */
public final class RequestProblems {

    private final Object request;
    private final List<FieldProblem> problems = new ArrayList<>();

    private RequestProblems(Object request) {
        this.request = request;
    }

    /**
     * The problems of {@code request}'s constraints. A missing body is answered at once: there is nothing else to
     * check.
     *
     * @throws InvalidRequestException naming {@code $} when there is no request
     */
    public static RequestProblems of(Validator validator, Object request) {
        RequestProblems problems = new RequestProblems(body(request));
        String oversized = oversized(request, "", 0);
        if (oversized != null) {
            // refused before its items are validated: 100,000 bad items are 100,000 violations, seconds of a request thread
            throw InvalidRequestException.of(oversized, "must hold at most " + MAX_ITEMS + " items");
        }
        problems.constraints(validator.validate(request));
        return problems;
    }

    /**
     * No list or map of a request (at any depth of its records) may hold more items than this: far more than any field
     * allows (their own limits are tens; a batch's items are checked one by one), so only a hostile request has more.
     */
    public static final int MAX_ITEMS = 1_000;

    /** The first list or map within {@code value} (records, lists and maps) over {@link #MAX_ITEMS}: its field, or null. */
    static String oversized(Object value, String field, int depth) {
        if (value == null || depth > 16) {
            return null;
        }
        if (value instanceof java.util.Collection<?> items) {
            if (items.size() > MAX_ITEMS) {
                return field.isEmpty() ? "$" : field;
            }
            int index = 0;
            for (Object item : items) {
                String found = oversized(item, field + "[" + index++ + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value instanceof java.util.Map<?, ?> entries) {
            if (entries.size() > MAX_ITEMS) {
                return field.isEmpty() ? "$" : field;
            }
            for (java.util.Map.Entry<?, ?> entry : entries.entrySet()) {
                String found = oversized(entry.getValue(), (field.isEmpty() ? "" : field + ".") + entry.getKey(), depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (java.lang.reflect.RecordComponent component : value.getClass().getRecordComponents()) {
                Object item;
                try {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    item = accessor.invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                String found = oversized(item, (field.isEmpty() ? "" : field + ".") + component.getName(), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The body itself, when a request needs one. */
    public static <T> T body(T body) {
        if (body == null) {
            throw InvalidRequestException.of("$", "is required: a JSON object");
        }
        return body;
    }

    /** A rule checked in code ({@link #isValid} tells whether the fields it reads passed their own). */
    public RequestProblems add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    /** Whether {@code field} (and anything within it) has no problem so far: a rule using it may look at it. */
    public boolean isValid(String field) {
        return problems.stream().noneMatch(found -> within(found.field(), field));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws InvalidRequestException naming every problem found, in the order of the request's fields */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<String> order = fieldOrder(request.getClass());
        List<FieldProblem> list = new ArrayList<>(problems);
        list.sort(Comparator.comparingInt(problem -> {
            int at = order.indexOf(root(problem.field()));
            return at < 0 ? order.size() : at;
        }));
        throw new InvalidRequestException(list);
    }

    /**
     * One problem per field: "is required" or a length before any other (a value too long is not looked at
     * further), and none inside a field that has one already (a list too long is one problem, not one per item).
     */
    private void constraints(Set<? extends ConstraintViolation<?>> violations) {
        // each violation's field, depth and rank worked out once, not at every comparison of the sort: a list of 100,000
        // bad items is 100,000 violations, and sorting them on keys rebuilt per comparison took seconds
        List<Found> sorted = violations.stream()
                .map(v -> new Found(path(v.getPropertyPath()), depth(v.getPropertyPath()),
                        rank(v.getConstraintDescriptor().getAnnotation()), v.getMessage()))
                .sorted(Comparator.comparingInt(Found::depth).thenComparingInt(Found::rank).thenComparing(Found::field)
                        .thenComparing(Found::message))
                .toList();
        for (Found violation : sorted) {
            String field = violation.field();
            if (isValid(field) && problems.stream().noneMatch(found -> within(field, found.field()))) {
                problems.add(new FieldProblem(field, violation.message()));
            }
        }
    }

    private record Found(String field, int depth, int rank, String message) {
    }

    private static int rank(Annotation constraint) {
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return 0;
        }
        return constraint instanceof Size ? 1 : 2;
    }

    /** {@code subject.dateOfBirth}, {@code flags[1]}, {@code targets[0].measure}, {@code needs.housing}: the field as the client wrote it. */
    static String path(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('.').append(node.getKey()); // a map's entry is named like a property: needs.housing
            }
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != jakarta.validation.ElementKind.BEAN) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    private static int depth(Path path) {
        int depth = 0;
        for (Path.Node ignored : path) {
            depth++;
        }
        return depth;
    }

    /** Whether {@code field} is {@code outer} or lies within it ({@code outer.x}, {@code outer[2]}). */
    private static boolean within(String field, String outer) {
        return field.equals(outer) || field.startsWith(outer + ".") || field.startsWith(outer + "[");
    }

    private static String root(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    private static List<String> fieldOrder(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        return Arrays.stream(type.getRecordComponents()).map(component -> component.getName()).toList();
    }
}
