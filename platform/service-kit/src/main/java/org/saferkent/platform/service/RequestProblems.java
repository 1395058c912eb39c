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
        problems.constraints(validator.validate(request));
        return problems;
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
        List<? extends ConstraintViolation<?>> sorted = violations.stream()
                .sorted(Comparator.<ConstraintViolation<?>>comparingInt(v -> depth(v.getPropertyPath()))
                        .thenComparingInt(v -> rank(v.getConstraintDescriptor().getAnnotation()))
                        .thenComparing(v -> path(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
        for (ConstraintViolation<?> violation : sorted) {
            String field = path(violation.getPropertyPath());
            if (isValid(field) && problems.stream().noneMatch(found -> within(field, found.field()))) {
                problems.add(new FieldProblem(field, violation.getMessage()));
            }
        }
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
