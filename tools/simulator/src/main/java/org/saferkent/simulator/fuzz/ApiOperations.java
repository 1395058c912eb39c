package org.saferkent.simulator.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the services' committed OpenAPI documents ({@code contracts/openapi/<service>.json}), with its
 * parameters, its request body's schema (references resolved against its own document), the body's example when the
 * document gives one, and the scopes that let a token through ({@code contracts/access-matrix.txt}).
 */
public final class ApiOperations {

    /** The services, by the name of their document and database (their {@code spring.application.name}). */
    public static final List<String> SERVICES = List.of("referrals", "victims", "restorative-justice", "commissioning",
            "ops-monitor", "partnership");

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A query, path or header parameter. */
    public record Param(String name, String in, boolean required, JsonNode schema) {

        String type() {
            return schema.path("type").asString("string");
        }

        String format() {
            return schema.path("format").asString("");
        }
    }

    /**
     * One operation.
     *
     * @param bodySchema   the request body's schema, references resolved one level ({@link #resolve} the rest), or null
     * @param example      the body's example in the document, or null
     * @param streaming    answers a server-sent event stream (never left open by the fuzz)
     * @param perItemAnswers answers 200 with a result per item of the list it was sent (a batch): a bad item is refused
     *                     in the answer, not with a 4xx
     * @param pathMethods  every method the document gives this path
     */
    public record Operation(String service, String method, String path, List<Param> params, JsonNode bodySchema,
            boolean bodyRequired, JsonNode example, Set<String> scopes, boolean streaming, boolean perItemAnswers,
            Set<String> pathMethods, ApiOperations api) {

        public JsonNode resolve(JsonNode schema) {
            return api.resolve(service, schema);
        }

        public boolean hasBody() {
            return bodySchema != null;
        }

        public List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();

    private ApiOperations() {
    }

    /**
     * Reads {@code <openApiDir>/<service>.json} of every service and the table of scopes.
     *
     * @throws IllegalStateException when an operation has no line in the table
     */
    public static ApiOperations load(Path openApiDir, Path accessMatrix) {
        JsonMapper json = JsonMapper.builder().build();
        ApiOperations api = new ApiOperations();
        Map<String, Set<String>> scopes = scopes(accessMatrix);
        for (String service : SERVICES) {
            JsonNode document;
            try {
                document = json.readTree(Files.readString(openApiDir.resolve(service + ".json")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenAPI document of " + service, e);
            }
            api.documents.put(service, document);
            document.path("paths").properties().forEach(path -> {
                Set<String> pathMethods = new LinkedHashSet<>();
                path.getValue().properties().forEach(m -> {
                    if (METHODS.contains(m.getKey())) {
                        pathMethods.add(m.getKey().toUpperCase(Locale.ROOT));
                    }
                });
                path.getValue().properties().forEach(entry -> {
                    if (!METHODS.contains(entry.getKey())) {
                        return;
                    }
                    String method = entry.getKey().toUpperCase(Locale.ROOT);
                    JsonNode operation = entry.getValue();
                    List<Param> params = new ArrayList<>();
                    operation.path("parameters").valueStream().forEach(p -> params.add(new Param(p.path("name").asString(),
                            p.path("in").asString(), p.path("required").asBoolean(false), api.resolve(service, p.path("schema")))));
                    JsonNode content = operation.path("requestBody").path("content").path("application/json");
                    JsonNode bodySchema = content.isMissingNode() ? null : api.resolve(service, content.path("schema"));
                    JsonNode example = content.has("example") ? content.get("example") : null;
                    boolean streaming = operation.path("responses").path("200").path("content").has("text/event-stream");
                    JsonNode answer = api.resolve(service, operation.path("responses").path("200").path("content")
                            .path("application/json").path("schema"));
                    boolean perItem = "array".equals(api.resolve(service, answer.path("properties").path("results")).path("type").asString(""));
                    Set<String> allowed = scopes.get(service + " " + method + " " + path.getKey());
                    if (allowed == null) {
                        throw new IllegalStateException("no line in " + accessMatrix + " for " + service + " " + method + " " + path.getKey());
                    }
                    api.operations.add(new Operation(service, method, path.getKey(), List.copyOf(params), bodySchema,
                            operation.path("requestBody").path("required").asBoolean(false), example, allowed, streaming,
                            perItem, Set.copyOf(pathMethods), api));
                });
            });
        }
        return api;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The schema itself, or the one its {@code $ref} names in the service's document (followed to the end). */
    JsonNode resolve(String service, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            JsonNode target = documents.get(service);
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        if (current.has("oneOf") || current.has("anyOf")) {
            JsonNode first = current.has("oneOf") ? current.get("oneOf").get(0) : current.get("anyOf").get(0);
            return resolve(service, first);
        }
        return current;
    }

    /** {@code "service METHOD path"} to the scopes that let it through, from the table. */
    static Map<String, Set<String>> scopes(Path accessMatrix) {
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(accessMatrix)) {
                String[] columns = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#") || columns.length < 4) {
                    continue;
                }
                scopes.put(columns[0] + " " + columns[1] + " " + columns[2],
                        new LinkedHashSet<>(List.of(columns).subList(3, columns.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scopes;
    }

    /** {@code contracts/openapi} in the working directory or the nearest directory above it that has one. */
    public static Path findOpenApiDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("contracts/openapi");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("contracts/openapi not found above " + Path.of("").toAbsolutePath() + ": pass --openapi-dir");
    }
}
