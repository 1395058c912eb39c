package org.saferkent.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.saferkent.identity.IdentityApplication;
import org.saferkent.identity.IdentityProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role × operation matrix of one running service: every operation of its committed OpenAPI document
 * (contracts/openapi/{@code service}.json) is called
 * <ul>
 * <li>without a token: 401;</li>
 * <li>with a token for the service that holds none of its scopes (a person who holds none of what the page asked
 * for): 403;</li>
 * <li>as every client and every person of the identity server (its identity.yml; agencies with the same scopes
 * once): let through when the table contracts/access-matrix.txt gives the operation one of the token's scopes,
 * 401 when the token is not meant for the service (its {@code aud}), 403 otherwise.</li>
 * </ul>
 * Nothing refused may answer 2xx, nothing at all 5xx. Every call with a body sends it as {@code text/plain}: a
 * request let through is then refused with 415 by the content-type check, which runs after the access rules and
 * before any controller, so the matrix changes nothing in the service (a let-through GET reads, with unknown ids).
 * The table must list exactly the document's operations. The access rules see a token's scopes only: callers alike in
 * the scopes the table names for the service (and in whether their token is for it) are called on every operation
 * once, by the first of them, and each of the others on one operation; four calls go at once. Clients with a rate limit
 * of their own in the service's configuration are left out: their budget belongs to the test that set it.
 */
public final class AccessMatrix {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A person who holds none of the scopes asked for here: a token for every service with no scope of any. */
    private static final String PERSON_WITHOUT_THEM = "pcc-analyst";
    private static final String NO_SCOPE_REQUEST = "openid ops.read";

    /** One operation of the table: any one of {@code scopes} lets a token through. */
    public record Operation(String method, String path, Set<String> scopes) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Someone calling: a client or a person, their token, and the token's scopes and audience. */
    record Caller(String name, String token, Set<String> scopes, Set<String> audience) {

        static Caller of(String name, String token) {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
            return new Caller(name, token, strings(claims.path("scope")), strings(claims.path("aud")));
        }

        private static Set<String> strings(JsonNode node) {
            Set<String> values = new TreeSet<>();
            if (node.isString()) {
                values.addAll(List.of(node.asString().split(" ")));
            } else {
                node.valueStream().forEach(value -> values.add(value.asString()));
            }
            return values;
        }
    }

    private AccessMatrix() {
    }

    public static Path tableFile() {
        return EventCatalogue.schemasDirectory().resolveSibling("access-matrix.txt");
    }

    /** The table's operations of {@code service}, in its order. */
    public static List<Operation> table(String service) {
        List<Operation> operations = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(tableFile())) {
                String[] columns = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#") || !columns[0].equals(service)) {
                    continue;
                }
                if (columns.length < 4) {
                    throw new IllegalStateException("a line of " + tableFile() + " without scopes: " + line);
                }
                operations.add(new Operation(columns[1], columns[2], new LinkedHashSet<>(List.of(columns).subList(3, columns.length))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return operations;
    }

    /** Every operation of the committed document of {@code service}, as {@code METHOD path}. */
    static Set<String> documented(String service) {
        Set<String> operations = new TreeSet<>();
        ApiDocuments.committed(service).path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete", "head", "options").contains(method.getKey())) {
                        operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    /** The identity server's configuration as it ships (identity.yml). */
    static IdentityProperties identity() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(IdentityApplication.NAME,
                    new ClassPathResource(IdentityApplication.NAME + ".yml", IdentityApplication.class.getClassLoader()));
            // placeholders (${SAFERKENT_...:default}) resolve to what they say when nothing is set
            return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                    .bind("saferkent.identity", IdentityProperties.class)
                    .orElseThrow(() -> new IllegalStateException("no saferkent.identity in identity.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every client and person of the identity server with a token: the agencies once per set of scopes, every other
     * client, and every person signed in through the pages' web client asking for all its scopes. Clients with their
     * own rate limit in {@code environment} are left out.
     */
    static List<Caller> callers(Environment environment) {
        IdentityProperties identity = identity();
        Map<String, String> clients = new LinkedHashMap<>();
        Set<Set<String>> agencyScopeSets = new LinkedHashSet<>();
        for (String agency : identity.agencies()) {
            Set<String> scopes = new TreeSet<>(identity.agencyScopes());
            IdentityProperties.Client extra = identity.clients().get("agency-" + agency);
            if (extra != null) {
                scopes.addAll(extra.scopes());
            }
            if (agencyScopeSets.add(scopes)) {
                clients.put("agency-" + agency, "agency-" + agency);
            }
        }
        identity.clients().keySet().stream().filter(client -> !client.startsWith("agency-")).forEach(client -> clients.put(client, client));
        clients.keySet().removeIf(client -> environment.containsProperty("saferkent.security.rate-limit.clients." + client + ".limit"));

        List<Caller> callers = new ArrayList<>();
        clients.keySet().forEach(client -> callers.add(Caller.of(client, Tokens.forClient(client))));
        String everything = "openid " + String.join(" ", identity.web().scopes());
        // signing in takes a password hash each: side by side
        callers.addAll(identity.users().keySet().parallelStream()
                .map(person -> Caller.of("person " + person, Tokens.forPerson(person, everything))).toList());
        return callers;
    }

    /**
     * Asserts the matrix of {@code service} (its {@code spring.application.name}, the {@code aud} it accepts) running on
     * {@code port}; {@code environment} is the service's.
     */
    public static void assertEnforced(String service, int port, Environment environment) {
        List<Operation> table = table(service);
        Set<String> listed = new TreeSet<>();
        table.forEach(operation -> listed.add(operation.toString()));
        Set<String> documented = documented(service);
        assertThat(listed).as("operations of contracts/openapi/" + service + ".json and their lines in " + tableFile().getFileName()
                + " (each operation needs a line: service, method, path, the scopes that let it through)")
                .containsExactlyInAnyOrderElementsOf(documented);

        List<Caller> callers = callers(environment);
        Caller forTheServiceWithoutScopes = Caller.of("person " + PERSON_WITHOUT_THEM + " (no scope)",
                Tokens.forPerson(PERSON_WITHOUT_THEM, NO_SCOPE_REQUEST));
        assertThat(forTheServiceWithoutScopes.audience()).as("the scope-less token is for " + service).contains(service);
        assertThat(forTheServiceWithoutScopes.scopes()).as("the scope-less token's scopes").containsOnly("openid");
        assertThat(callers).as("callers whose tokens are for other services only").anyMatch(caller -> !caller.audience().contains(service));

        // the rules see a token's scopes only: callers alike in the scopes the table names for this service, and in
        // whether their token is for it, are called on every operation once (the first of them), the others on one
        Set<String> named = new TreeSet<>();
        table.forEach(operation -> named.addAll(operation.scopes()));
        Map<String, List<Caller>> alike = new LinkedHashMap<>();
        for (Caller caller : callers) {
            Set<String> relevant = new TreeSet<>(caller.scopes());
            relevant.retainAll(named);
            alike.computeIfAbsent(caller.audience().contains(service) + " " + relevant, key -> new ArrayList<>()).add(caller);
        }
        List<Call> calls = new ArrayList<>();
        for (Operation operation : table) {
            calls.add(new Call(operation, null));
            calls.add(new Call(operation, forTheServiceWithoutScopes));
            alike.values().forEach(group -> calls.add(new Call(operation, group.get(0))));
        }
        alike.values().forEach(group -> group.subList(1, group.size()).forEach(caller -> calls.add(new Call(table.get(0), caller))));

        String base = "http://127.0.0.1:" + port;
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> letThrough = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService callersAtOnce = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Call call : calls) {
                done.add(callersAtOnce.submit(() -> judge(service, base, call, forTheServiceWithoutScopes, wrong, letThrough)));
            }
            for (java.util.concurrent.Future<?> each : done) {
                each.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a call of the matrix failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            callersAtOnce.shutdownNow();
        }
        assertThat(new TreeSet<>(wrong)).as("calls " + service + " answered otherwise than the table says").isEmpty();
        // not a matrix of refusals only: most operations let someone through
        assertThat(letThrough.size()).as("operations someone was let through: " + letThrough).isGreaterThan(table.size() / 2);
    }

    /** One operation called by one caller ({@code null}: without a token). */
    private record Call(Operation operation, Caller caller) {
    }

    private static void judge(String service, String base, Call call, Caller withoutScopes, List<String> wrong, Set<String> letThrough) {
        Operation operation = call.operation();
        Caller caller = call.caller();
        int status = call(base, operation.method(), concrete(operation.path()), caller == null ? null : caller.token());
        if (caller == null) {
            if (status != 401) {
                wrong.add(operation + " without a token: " + status + ", not 401");
            }
            return;
        }
        if (caller == withoutScopes) {
            if (status != 403) {
                wrong.add(operation + " with a token for " + service + " holding none of its scopes: " + status + ", not 403");
            }
            return;
        }
        String as = operation + " as " + caller.name() + " " + caller.scopes() + ": " + status;
        if (status >= 500) {
            wrong.add(as + ", a server error");
        } else if (!caller.audience().contains(service)) {
            if (status != 401) {
                wrong.add(as + ", not 401 (the token is for " + caller.audience() + ", not " + service + ")");
            }
        } else if (operation.scopes().stream().anyMatch(caller.scopes()::contains)) {
            boolean withBody = !"GET".equals(operation.method());
            if (status == 401 || status == 403 || status == 429 || withBody && status != 415) {
                wrong.add(as + ", not let through (the table gives it " + operation.scopes() + ")");
            } else {
                letThrough.add(operation.toString());
            }
        } else if (status != 403) {
            wrong.add(as + ", not 403 (the table wants one of " + operation.scopes() + ")");
        }
    }

    /** The path with each {@code {parameter}} an id nothing has. */
    static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "matrix-unknown");
    }

    /** The status of one call; a body, if any, goes as text/plain (so a request let through stops at the 415 check). */
    static int call(String base, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString("matrix"));
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the status is all it needs (and a stream would never end)
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
