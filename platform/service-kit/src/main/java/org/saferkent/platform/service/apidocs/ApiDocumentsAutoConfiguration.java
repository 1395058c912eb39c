package org.saferkent.platform.service.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.saferkent.platform.service.security.AccessRules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

/**
 * A service's OpenAPI document ({@code /v3/api-docs}, springdoc) and Swagger UI ({@code /swagger-ui/index.html}),
 * readable without a token: the document describes the API, never data. It gets the platform's OAuth2
 * client-credentials scheme (token URL: the trusted issuer's {@code /oauth2/token}) and, on every operation,
 * the RFC 9457 problems the platform answers ({@code application/problem+json}): 401, 403 and 429 (the security
 * chain), 500; 400 where there is a parameter or a body (wrong type, unreadable JSON); 413, 415 and 422 where there
 * is a body; and those the service's {@link ApiDocumentation} names for an operation (404, 409, 410, 422, 503).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocumentsAutoConfiguration {

    /** The document, its Swagger UI configuration and the UI's own static resources. */
    public static final String[] PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    static final String SCHEME = "oauth2";
    static final String PROBLEM = "application/problem+json";

    /** Status to the name of its reusable response and its title. */
    static final Map<Integer, String[]> PROBLEMS = Map.ofEntries(
            Map.entry(400, new String[] {"BadRequest", "A parameter has the wrong type, or the body is not JSON this resource reads."}),
            Map.entry(401, new String[] {"Unauthorized", "No valid bearer token from the identity server."}),
            Map.entry(403, new String[] {"Forbidden", "The token's scopes or agency do not grant this."}),
            Map.entry(404, new String[] {"NotFound", "Nothing the caller may see has this id."}),
            Map.entry(409, new String[] {"Conflict", "Refused in the resource's current state (the problem says which rule), or it kept changing meanwhile."}),
            Map.entry(410, new String[] {"Gone", "The subject's personal data was erased, or the record is no longer available."}),
            Map.entry(413, new String[] {"ContentTooLarge", "The request body is larger than the service accepts."}),
            Map.entry(415, new String[] {"UnsupportedMediaType", "The request body is not declared as JSON (Content-Type: application/json)."}),
            Map.entry(422, new String[] {"InvalidRequest", "Invalid fields: `errors` names each one (values are never echoed)."}),
            Map.entry(429, new String[] {"TooManyRequests", "The client is over its rate limit: try again after Retry-After seconds."}),
            Map.entry(502, new String[] {"BadGateway", "The service acted on answered with an error, or did not confirm."}),
            Map.entry(500, new String[] {"InternalError", "The request could not be completed (the log has it, under the correlation id)."}),
            Map.entry(503, new String[] {"ServiceUnavailable", "Not available now: try again later."}));

    /** Scopes the platform's own endpoints (actuator, audit trail, parked outbox events) ask for. */
    static final Map<String, String> PLATFORM_SCOPES = Map.of(
            "audit.read", "Read the service's audit trail of personal data reads and refusals.",
            "ops.read", "Read operational endpoints (actuator, parked outbox events).",
            "ops.write", "Act on the service: retry parked outbox events, pause and resume consumers.");

    static final String PLATFORM_RETRY = "POST /api/outbox/parked/{eventId}/retry";

    /** The platform's endpoints' own refusals, where a service has them. */
    static final Map<String, Set<Integer>> PLATFORM_PROBLEMS = Map.of(
            "GET /api/audit", Set.of(422),
            "POST /api/outbox/parked/{eventId}/retry", Set.of(404, 409));

    /** The document and the UI are public (they hold no personal data); every other path keeps its rules. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules apiDocumentsAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, PATHS).permitAll();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(ObjectProvider<ApiDocumentation> declared, Environment environment) {
        ApiDocumentation api = declared.getIfAvailable(
                () -> ApiDocumentation.builder(environment.getProperty("spring.application.name", "service")).build());
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://127.0.0.1:8090");
        String tokenUrl = environment.getProperty("saferkent.api-docs.token-url",
                issuer.replaceAll("/+$", "") + "/oauth2/token");
        Map<String, String> all = new TreeMap<>(PLATFORM_SCOPES);
        all.putAll(api.scopes());
        Scopes scopes = new Scopes();
        all.forEach(scopes::addString);
        return new OpenAPI(SpecVersion.V31)
                .info(new Info().title(api.title()).description(api.description()).version("1"))
                // relative: the document is served by the service it describes, wherever that runs
                .servers(List.of(new Server().url("/").description("this service")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("A partner system's client credentials, exchanged at the identity server for a bearer token.")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(scopes)))));
    }

    /** The pages' own endpoints (who is signed in, sign-out) belong to the pages, not to the API a partner integrates with. */
    @Bean
    OpenApiCustomizer pagesAreNotTheApi() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> path.startsWith("/page/") || "/logout".equals(path));
            }
        };
    }

    @Bean
    OpenApiCustomizer platformProblems(ObjectProvider<ApiDocumentation> declared) {
        return openApi -> describe(openApi, declared.getIfAvailable(() -> ApiDocumentation.builder("service").build()));
    }

    static void describe(OpenAPI openApi, ApiDocumentation api) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas("FieldProblem", object()
                .description("One offending field and what is wrong with it (its value is never echoed).")
                .addProperty("field", string("The field's JSON path, e.g. subject.dateOfBirth; $ for the whole body."))
                .addProperty("message", string("What is wrong with it."))
                .required(List.of("field", "message")));
        components.addSchemas("Problem", object()
                .description("An RFC 9457 problem.")
                .addProperty("type", string("A URI naming the problem type; about:blank when the status says it all.").format("uri-reference"))
                .addProperty("title", string("A short summary of the problem type."))
                .addProperty("status", integer("The HTTP status."))
                .addProperty("detail", string("What happened, for a person."))
                .addProperty("instance", string("The request's path.").format("uri-reference"))
                .addProperty("errors", array(ref("FieldProblem")).description("Each offending field, at most 20."))
                .addProperty("moreErrors", integer("How many offending fields the list leaves out."))
                .required(List.of("title", "status")));
        api.required().forEach((schema, properties) -> {
            Schema<?> target = schema(components, schema);
            Set<String> all = new TreeSet<>(properties);
            if (target.getRequired() != null) {
                all.addAll(target.getRequired());
            }
            target.setRequired(new ArrayList<>(all));
        });
        api.allowed().forEach((schema, properties) -> properties.forEach((property, codes) -> {
            Schema<?> target = schema(components, schema).getProperties() == null ? null
                    : (Schema<?>) schema(components, schema).getProperties().get(property);
            if (target == null) {
                throw new IllegalStateException("ApiDocumentation names " + schema + "." + property + ", which has no such property");
            }
            setEnum(target.getItems() != null ? target.getItems() : target, codes);
        }));
        Map<Integer, String[]> used = new TreeMap<>();
        Set<String> operations = new TreeSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String name = method.name() + " " + path;
                operations.add(name);
                describe(name, operation, api, used, components);
            }));
        }
        for (String named : api.problems().keySet()) {
            if (operations.stream().noneMatch(operation -> ApiDocumentation.matches(named, operation))) {
                throw new IllegalStateException("ApiDocumentation names " + named + ", which the API does not have");
            }
        }
        dropUnreferencedSchemas(openApi);
        if (components.getSchemas() != null && components.getSchemas().containsKey("JsonNode")) {
            // Jackson 3's tree is not a bean (swagger-core knows Jackson 2's only): it is any JSON value
            components.addSchemas("JsonNode", new Schema<>(SpecVersion.V31).description("Any JSON value."));
        }
        used.forEach((status, names) -> {
            ApiResponse response = new ApiResponse().description(names[1])
                    .content(new Content().addMediaType(PROBLEM, new MediaType().schema(ref("Problem"))));
            if (status == 429) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
                        .schema(integer(null)));
            }
            components.addResponses(names[0], response);
        });
    }

    private static void describe(String name, Operation operation, ApiDocumentation api, Map<Integer, String[]> used,
            Components components) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        // springdoc's guesses from the exception handlers give way to what the platform really answers
        responses.keySet().removeIf(code -> "default".equals(code) || code.startsWith("4") || code.startsWith("5"));
        responses.forEach((code, response) -> {
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType any = response.getContent().remove("*/*");
                response.getContent().addMediaType("application/json", any);
            }
        });
        Map<Integer, Object> declaredTypes = api.responses().getOrDefault(name, Map.of());
        declaredTypes.forEach((status, type) -> {
            ApiResponse response = responses.computeIfAbsent(String.valueOf(status),
                    code -> new ApiResponse().description(status == 201 ? "Created" : "OK"));
            Schema<?> body = type instanceof String schemaName ? ref(schema(components, schemaName) == null ? null : schemaName)
                    : type == Void.class ? null : schemaOf((Class<?>) type, components);
            response.setContent(body == null ? null : new Content().addMediaType("application/json", new MediaType().schema(body)));
            String description = api.responseDescriptions().get(name + " " + status);
            if (description != null) {
                response.setDescription(description);
            }
        });
        if (!declaredTypes.isEmpty()) {
            // what the service declares replaces springdoc's guess of the success answers
            responses.keySet().removeIf(code -> code.startsWith("2") && !declaredTypes.containsKey(Integer.valueOf(code)));
        }
        String text = api.produces().get(name);
        if (text != null) {
            responses.forEach((code, response) -> {
                if (code.startsWith("2")) {
                    response.setContent(new Content().addMediaType(text, new MediaType().schema(string(null))));
                }
            });
        }
        if (PLATFORM_RETRY.equals(name)) {
            // the relay takes the parked event back: 202, no body
            responses.keySet().removeIf(code -> code.startsWith("2"));
            responses.addApiResponse("202", new ApiResponse().description("Retried: the relay publishes the event again."));
        }
        String example = api.requestExamples().get(name);
        if (example != null) {
            MediaType body = operation.getRequestBody().getContent().get("application/json");
            try {
                body.setExample(Json31.mapper().readTree(example));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("The example for " + name + " is not JSON", e);
            }
        }
        Set<Integer> statuses = new TreeSet<>(List.of(401, 403, 429, 500));
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            statuses.add(400);
        }
        if (hasBody) {
            statuses.addAll(List.of(413, 415, 422));
        }
        statuses.addAll(api.problemsOf(name));
        statuses.addAll(PLATFORM_PROBLEMS.getOrDefault(name, Set.of()));
        for (int status : statuses) {
            String[] names = PROBLEMS.get(status);
            if (names == null) {
                throw new IllegalStateException(name + ": no problem response described for " + status);
            }
            used.put(status, names);
            responses.addApiResponse(String.valueOf(status), new ApiResponse().$ref("#/components/responses/" + names[0]));
        }
    }

    /** Schemas nothing refers to any more (springdoc's guesses that the declared answers replaced). */
    private static void dropUnreferencedSchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        boolean dropped = true;
        while (dropped) {
            String json;
            try {
                json = Json31.mapper().writeValueAsString(openApi);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            dropped = schemas.keySet().removeIf(name -> !"Problem".equals(name) && !"FieldProblem".equals(name)
                    && !json.contains("\"#/components/schemas/" + name + "\""));
        }
    }

    private static Schema<?> schema(Components components, String name) {
        Schema<?> schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
        if (schema == null) {
            throw new IllegalStateException("ApiDocumentation names the schema " + name + ", which the document does not have");
        }
        return schema;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setEnum(Schema schema, List<String> codes) {
        schema.setEnum(new ArrayList<>(codes));
    }

    private static Schema<?> schemaOf(Class<?> type, Components components) {
        ResolvedSchema resolved = ModelConverters.getInstance(true).resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((schemaName, schema) -> {
                if (components.getSchemas() == null || !components.getSchemas().containsKey(schemaName)) {
                    components.addSchemas(schemaName, schema);
                }
            });
        }
        return resolved.schema;
    }

    private static Schema<Object> object() {
        return typed("object");
    }

    private static Schema<Object> string(String description) {
        return typed("string").description(description);
    }

    private static Schema<Object> integer(String description) {
        return typed("integer").description(description);
    }

    private static Schema<Object> array(Schema<?> items) {
        Schema<Object> array = typed("array");
        array.setItems(items);
        return array;
    }

    private static Schema<Object> ref(String schema) {
        Schema<Object> ref = new Schema<>(SpecVersion.V31);
        ref.set$ref("#/components/schemas/" + schema);
        return ref;
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>(SpecVersion.V31);
        schema.addType(type);
        return schema;
    }
}
