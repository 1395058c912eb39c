package org.saferkent.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' committed OpenAPI documents, {@code contracts/openapi/<service>.json}: a running service's
 * {@code /v3/api-docs} must be the committed file (the same gate as the event catalogue), so the API cannot
 * change without its document changing in the same commit. Regenerate with {@code -Dopenapi.write=true}.
 * Documents are compared and written in one canonical form: keys sorted, two-space indent.
 */
public final class ApiDocuments {

    /** The token URL the committed documents name: the local identity server's (run-local.sh). */
    public static final String COMMITTED_TOKEN_URL = "http://127.0.0.1:8090/oauth2/token";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ApiDocuments() {
    }

    public static Path file(String service) {
        return EventCatalogue.schemasDirectory().resolveSibling("openapi").resolve(service + ".json");
    }

    /** The committed document of {@code service}. */
    public static JsonNode committed(String service) {
        try {
            return JSON.readTree(Files.readString(file(service)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorted keys (arrays keep their order), two-space indent, one final newline. */
    public static String canonical(JsonNode document) {
        Object plain = sorted(JSON.treeToValue(document, Object.class));
        return JSON.writeValueAsString(plain).replace("\r\n", "\n") + "\n";
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((key, inner) -> copy.put((String) key, sorted(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(inner -> copy.add(sorted(inner)));
            return copy;
        }
        return value;
    }

    /**
     * Empty when {@code live} (the running service's document, its token URL the test identity server's,
     * {@code liveTokenUrl}) is the committed one; otherwise what differs. With {@code -Dopenapi.write=true}
     * the committed file is rewritten instead.
     */
    public static List<String> differences(String service, JsonNode live, String liveTokenUrl) {
        ObjectNode document = (ObjectNode) live.deepCopy();
        JsonNode flow = document.path("components").path("securitySchemes").path("oauth2").path("flows").path("clientCredentials");
        List<String> problems = new ArrayList<>();
        if (!liveTokenUrl.equals(flow.path("tokenUrl").asString(""))) {
            problems.add("the token URL is " + flow.path("tokenUrl") + ", not the identity server's " + liveTokenUrl);
            return problems;
        }
        ((ObjectNode) flow).put("tokenUrl", COMMITTED_TOKEN_URL);
        String expected = canonical(document);
        Path file = file(service);
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected);
                return problems;
            }
            if (!Files.exists(file)) {
                problems.add("no committed document at " + file + " (write it with -Dopenapi.write=true)");
                return problems;
            }
            String committed = Files.readString(file);
            if (!committed.equals(expected)) {
                String[] want = committed.split("\n", -1);
                String[] got = expected.split("\n", -1);
                for (int i = 0; i < Math.max(want.length, got.length); i++) {
                    String a = i < want.length ? want[i] : "<end>";
                    String b = i < got.length ? got[i] : "<end>";
                    if (!a.equals(b)) {
                        problems.add(file + " differs from the running service's /v3/api-docs at line " + (i + 1)
                                + ": committed «" + a.strip() + "», served «" + b.strip()
                                + "». If the API change is intended, regenerate with -Dopenapi.write=true and commit it.");
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /**
     * Validation errors of {@code body} against the schema {@code components.schemas.<schema>} of
     * {@code document} (OpenAPI 3.1 schemas are JSON Schema 2020-12; their {@code $ref}s resolve inside the document).
     */
    public static List<String> validate(JsonNode document, String schema, JsonNode body) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + schema);
        root.set("components", document.path("components").deepCopy());
        Schema compiled = REGISTRY.getSchema(root);
        List<String> errors = new ArrayList<>();
        compiled.validate(body).forEach(error -> errors.add(error.toString()));
        return errors;
    }
}
