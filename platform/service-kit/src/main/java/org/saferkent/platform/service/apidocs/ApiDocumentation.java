package org.saferkent.platform.service.apidocs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a service says about its HTTP API beyond what springdoc reads from the controllers: its title, the
 * OAuth2 scopes its rules ask for, the refusals each operation can answer besides the platform's own
 * (404, 409, 410, 503: the service's problem handlers and controllers decide those), response types a
 * controller's {@code ResponseEntity<?>} hides, and examples of the main request bodies.
 * Operations are named {@code "METHOD /path/{template}"}, as in the document.
 */
public final class ApiDocumentation {

    private final String title;
    private final String description;
    private final Map<String, String> scopes;
    private final Map<String, Set<Integer>> problems;
    private final Map<String, Map<Integer, Object>> responses;
    private final Map<String, String> requestExamples;
    private final Map<String, String> responseDescriptions;
    private final Map<String, Set<String>> required;
    private final Map<String, String> produces;
    private final Map<String, Map<String, java.util.List<String>>> allowed;

    private ApiDocumentation(Builder builder) {
        this.title = builder.title;
        this.description = builder.description;
        this.scopes = Collections.unmodifiableMap(new TreeMap<>(builder.scopes));
        this.problems = Collections.unmodifiableMap(new TreeMap<>(builder.problems));
        this.responses = Collections.unmodifiableMap(new TreeMap<>(builder.responses));
        this.requestExamples = Collections.unmodifiableMap(new TreeMap<>(builder.requestExamples));
        this.responseDescriptions = Collections.unmodifiableMap(new TreeMap<>(builder.responseDescriptions));
        this.required = Collections.unmodifiableMap(new TreeMap<>(builder.required));
        this.produces = Collections.unmodifiableMap(new TreeMap<>(builder.produces));
        this.allowed = Collections.unmodifiableMap(new TreeMap<>(builder.allowed));
    }

    /** {@code "<operation> <status>"} to what that answer means. */
    public Map<String, String> responseDescriptions() {
        return responseDescriptions;
    }

    /** Operation to the media type of its success answer, when it is text rather than JSON (CSV, a server-sent event stream). */
    public Map<String, String> produces() {
        return produces;
    }

    /** Schema name to the properties a request must carry (checked in code, so springdoc cannot see them). */
    public Map<String, Set<String>> required() {
        return required;
    }

    /** Schema name to property to the codes it accepts (for an array, its items'). */
    public Map<String, Map<String, java.util.List<String>>> allowed() {
        return allowed;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Scope name to what it grants. */
    public Map<String, String> scopes() {
        return scopes;
    }

    /** Statuses the operation can refuse with besides the platform's (400, 401, 403, 413, 415, 422, 429, 500). */
    public Set<Integer> problemsOf(String operation) {
        Set<Integer> statuses = new TreeSet<>();
        problems.forEach((named, codes) -> {
            if (matches(named, operation)) {
                statuses.addAll(codes);
            }
        });
        return statuses;
    }

    /** {@code named} is an operation, or ends in {@code **} for every operation its start begins. */
    public static boolean matches(String named, String operation) {
        return named.endsWith("**") ? operation.startsWith(named.substring(0, named.length() - 2)) : named.equals(operation);
    }

    public Map<String, Set<Integer>> problems() {
        return problems;
    }

    /** Status to body type (a class, or the name of a schema in the document), for operations whose controller method does not say it. */
    public Map<String, Map<Integer, Object>> responses() {
        return responses;
    }

    /** Operation to an example request body (JSON). */
    public Map<String, String> requestExamples() {
        return requestExamples;
    }

    public static final class Builder {
        private final String title;
        private String description = "";
        private final Map<String, String> scopes = new LinkedHashMap<>();
        private final Map<String, Set<Integer>> problems = new LinkedHashMap<>();
        private final Map<String, Map<Integer, Object>> responses = new LinkedHashMap<>();
        private final Map<String, String> requestExamples = new LinkedHashMap<>();
        private final Map<String, String> responseDescriptions = new LinkedHashMap<>();
        private final Map<String, Set<String>> required = new LinkedHashMap<>();
        private final Map<String, String> produces = new LinkedHashMap<>();
        private final Map<String, Map<String, java.util.List<String>>> allowed = new LinkedHashMap<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder scope(String scope, String grants) {
            scopes.put(scope, grants);
            return this;
        }

        /**
         * {@code operation} (e.g. {@code "GET /api/referrals/{id}"}; {@code "POST /api/cases/{id}/**"} for every operation
         * under it) can also refuse with these statuses.
         */
        public Builder problems(String operation, int... statuses) {
            Set<Integer> set = problems.computeIfAbsent(operation, key -> new TreeSet<>());
            for (int status : statuses) {
                set.add(status);
            }
            return this;
        }

        /** {@code operation} answers {@code status} with a {@code type} body. */
        public Builder response(String operation, int status, Class<?> type) {
            responses.computeIfAbsent(operation, key -> new TreeMap<>()).put(status, type);
            return this;
        }

        /** {@code operation} answers {@code status} with a body of the document's schema {@code schemaName}, meaning {@code description}. */
        public Builder response(String operation, int status, String schemaName, String description) {
            responses.computeIfAbsent(operation, key -> new TreeMap<>()).put(status, schemaName);
            responseDescriptions.put(operation + " " + status, description);
            return this;
        }

        /** {@code operation} answers {@code status} with a {@code type} body ({@code Void} for none), meaning {@code description}. */
        public Builder response(String operation, int status, Class<?> type, String description) {
            response(operation, status, type);
            responseDescriptions.put(operation + " " + status, description);
            return this;
        }

        /** {@code operation} answers success with text of {@code mediaType} (e.g. text/csv, text/event-stream). */
        public Builder produces(String operation, String mediaType) {
            produces.put(operation, mediaType);
            return this;
        }

        /** The request schema {@code schema} needs these properties. */
        public Builder required(String schema, String... properties) {
            required.computeIfAbsent(schema, key -> new TreeSet<>()).addAll(java.util.List.of(properties));
            return this;
        }

        /** The property {@code property} of {@code schema} (or its items) takes only these codes. */
        public Builder allowed(String schema, String property, java.util.List<String> codes) {
            allowed.computeIfAbsent(schema, key -> new TreeMap<>()).put(property, java.util.List.copyOf(codes));
            return this;
        }

        /** An example request body for {@code operation}, as JSON. */
        public Builder requestExample(String operation, String json) {
            requestExamples.put(operation, json);
            return this;
        }

        public ApiDocumentation build() {
            return new ApiDocumentation(this);
        }
    }
}
