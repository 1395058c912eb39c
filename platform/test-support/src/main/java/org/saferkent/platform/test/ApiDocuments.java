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
     * Asserts what every service's API document test checks of the service on {@code port}: {@code /v3/api-docs} is
     * served without a token, is OpenAPI 3.1, is the committed contracts/openapi/{@code service}.json (or rewrites it,
     * with {@code -Dopenapi.write=true}) and its request examples fit their schemas; the Swagger UI comes from the
     * service itself (no other origin); and the API and the actuator still want a token.
     */
    public static void assertServedAsCommitted(String service, int port) {
        SecuredApi api = SecuredApi.at(port);
        java.net.http.HttpResponse<String> served = api.anonymous().get("/v3/api-docs");
        org.assertj.core.api.Assertions.assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(served.body());
        org.assertj.core.api.Assertions.assertThat(document.path("openapi").asString()).startsWith("3.1");
        org.assertj.core.api.Assertions.assertThat(examples(document)).as("request examples").isPositive();
        org.assertj.core.api.Assertions.assertThat(invalidExamples(document)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(differences(service, document, IdentityServer.get().tokenUri())).isEmpty();

        java.net.http.HttpResponse<String> page = api.anonymous().get("/swagger-ui/index.html");
        org.assertj.core.api.Assertions.assertThat(page.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("://");
        org.assertj.core.api.Assertions.assertThat(api.anonymous().get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        java.net.http.HttpResponse<String> config = api.anonymous().get("/v3/api-docs/swagger-config");
        org.assertj.core.api.Assertions.assertThat(config.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(JSON.readTree(config.body()).path("url").asString()).isEqualTo("/v3/api-docs");

        // every other path keeps its rules: each documented GET without parameters, and the actuator, want a token
        document.path("paths").properties().forEach(path -> {
            if (path.getValue().has("get") && !path.getKey().contains("{")) {
                org.assertj.core.api.Assertions.assertThat(api.anonymous().get(path.getKey()).statusCode())
                        .as("GET " + path.getKey() + " without a token").isEqualTo(401);
            }
        });
        org.assertj.core.api.Assertions.assertThat(api.anonymous().get("/actuator/metrics").statusCode()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(api.anonymous().post("/v3/api-docs", "{}").statusCode()).isEqualTo(401);
    }

    /** Every request body example in {@code document} that its own schema refuses, with why. */
    public static List<String> invalidExamples(JsonNode document) {
        List<String> problems = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode json = method.getValue().path("requestBody").path("content").path("application/json");
            if (json.has("example")) {
                String ref = json.path("schema").path("$ref").asString("");
                String operation = method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                if (!ref.startsWith("#/components/schemas/")) {
                    problems.add(operation + ": its example has no named schema to validate against");
                } else {
                    validate(document, ref.substring("#/components/schemas/".length()), json.path("example"))
                            .forEach(error -> problems.add(operation + ": " + error));
                }
            }
        }));
        return problems;
    }

    /** How many request body examples {@code document} has. */
    public static int examples(JsonNode document) {
        int[] count = {0};
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (method.getValue().path("requestBody").path("content").path("application/json").has("example")) {
                count[0]++;
            }
        }));
        return count[0];
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
