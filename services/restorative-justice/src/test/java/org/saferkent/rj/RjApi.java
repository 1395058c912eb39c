package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;

import org.saferkent.platform.test.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API over real HTTP, as an agency or a facilitator calls it. */
final class RjApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** RJ practitioners read and work cases, disposals and youth-justice measures. */
    static final String PRACTITIONER = "rj-practitioner";

    /** RJ managers: case work, and the approval of direct contact (rj.approve). */
    static final String MANAGER = "rj-manager";

    private final String base;
    private final String client;

    RjApi(int port) {
        this(port, PRACTITIONER);
    }

    private RjApi(int port, String client) {
        this.base = "http://127.0.0.1:" + port;
        this.client = client;
    }

    /** The same API as another client of the identity server (e.g. {@link #MANAGER}, {@code agency-kent-police}). */
    RjApi as(String clientId) {
        return new RjApi(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), clientId);
    }

    HttpResponse<String> post(String path, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Tokens.bearer(client))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", Tokens.bearer(client)).GET().build());
    }

    /** Posts and expects {@code status}; answers the body. */
    JsonNode postExpecting(int status, String path, Object body) {
        HttpResponse<String> response = post(path, body);
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A problem response: RFC 9457 content type, the status, and no internals. */
    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.saferkent").doesNotContain("tools.jackson");
        return JSON.readTree(response.body());
    }

    static java.util.List<String> errorFields(JsonNode problem) {
        return problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
