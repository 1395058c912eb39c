package org.saferkent.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema evolution within a major version: a consumer written against the baseline schema must still
 * read every event the current schema allows. Breaking: a property removed (or renamed), its type
 * changed, a property newly required or no longer required, an enum value removed, a pattern, format
 * or const changed, additional properties tightened, a required CloudEvents header dropped or a fixed
 * header value changed, a schema removed. Additive: a new optional property, a new enum value, a new
 * schema — including a new major version ({@code .v2}) published beside the old one.
 */
public final class SchemaCompatibility {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaCompatibility() {
    }

    /** Every breaking change from the baseline catalogue to the current one; empty when compatible. */
    public static List<String> breakingChanges(Path baselineDir, Path currentDir) {
        List<String> problems = new ArrayList<>();
        for (Path baseline : schemaFiles(baselineDir)) {
            Path relative = baselineDir.relativize(baseline);
            Path current = currentDir.resolve(relative.toString());
            String wireName = wireName(baseline);
            if (!Files.exists(current)) {
                problems.add(wireName + ": schema removed — consumers may still read it; publish a new version beside it instead");
                continue;
            }
            breakingChanges(read(baseline), read(current)).forEach(problem -> problems.add(wireName + ": " + problem));
        }
        return problems;
    }

    /** Every breaking change from {@code baseline} to {@code current}, one schema. */
    public static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", baseline, current, problems);
        headers(baseline.path("x-cloudevents"), current.path("x-cloudevents"), problems);
        return problems;
    }

    private static void compare(String path, JsonNode old, JsonNode now, List<String> problems) {
        if (!types(old).equals(types(now))) {
            problems.add(path + ": type changed from " + types(old) + " to " + types(now));
        }
        for (String keyword : List.of("format", "pattern", "const", "$ref")) {
            // a constraint the producer newly keeps is no harm to readers; one changed or dropped is
            if (old.has(keyword) && !old.path(keyword).equals(now.path(keyword))) {
                problems.add(path + ": " + keyword + " changed from " + text(old.path(keyword)) + " to " + text(now.path(keyword)));
            }
        }
        if (old.has("enum") && now.has("enum")) {
            Set<String> values = values(now.path("enum"));
            for (String value : values(old.path("enum"))) {
                if (!values.contains(value)) {
                    problems.add(path + ": enum value " + value + " removed");
                }
            }
        }
        if (allowsAdditional(old) && !allowsAdditional(now)) {
            problems.add(path + ": additionalProperties tightened");
        }
        Set<String> oldRequired = values(old.path("required"));
        Set<String> nowRequired = values(now.path("required"));
        for (String name : nowRequired) {
            if (!oldRequired.contains(name)) {
                problems.add(path + ": property " + name + " newly required");
            }
        }
        for (String name : oldRequired) {
            if (!nowRequired.contains(name)) {
                problems.add(path + ": property " + name + " no longer required — consumers rely on it being there");
            }
        }
        JsonNode oldProperties = old.path("properties");
        JsonNode nowProperties = now.path("properties");
        for (String name : oldProperties.propertyNames()) {
            if (!nowProperties.has(name)) {
                problems.add(path + ": property " + name + " removed or renamed");
            } else {
                compare(path + "." + name, oldProperties.path(name), nowProperties.path(name), problems);
            }
        }
        if (old.has("items") && now.has("items")) {
            compare(path + "[]", old.path("items"), now.path("items"), problems);
        } else if (old.has("items")) {
            problems.add(path + ": items schema removed");
        }
        if (old.path("additionalProperties").isObject() && now.path("additionalProperties").isObject()) {
            compare(path + "{}", old.path("additionalProperties"), now.path("additionalProperties"), problems);
        }
    }

    private static void headers(JsonNode old, JsonNode now, List<String> problems) {
        Set<String> nowRequired = values(now.path("requiredHeaders"));
        for (String header : values(old.path("requiredHeaders"))) {
            if (!nowRequired.contains(header)) {
                problems.add("header " + header + " no longer carried (removed or renamed)");
            }
        }
        for (String header : old.path("headerValues").propertyNames()) {
            if (!old.path("headerValues").path(header).equals(now.path("headerValues").path(header))) {
                problems.add("header " + header + " changed from " + text(old.path("headerValues").path(header)) + " to "
                        + text(now.path("headerValues").path(header)));
            }
        }
        for (String attribute : List.of("topic", "key")) {
            if (!old.path(attribute).equals(now.path(attribute))) {
                problems.add(attribute + " changed from " + text(old.path(attribute)) + " to " + text(now.path(attribute)));
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (!type.isMissingNode()) {
            types.add(type.asString());
        }
        return types;
    }

    private static boolean allowsAdditional(JsonNode schema) {
        JsonNode additional = schema.path("additionalProperties");
        return additional.isMissingNode() || additional.isObject() || additional.asBoolean();
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.isString() ? value.asString() : value.toString()));
        return values;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "(none)" : node.toString();
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> schemaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String wireName(Path schemaFile) {
        String name = schemaFile.getFileName().toString();
        return name.substring(0, name.length() - ".schema.json".length());
    }
}
