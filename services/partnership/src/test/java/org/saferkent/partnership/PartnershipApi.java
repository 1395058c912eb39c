package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.saferkent.platform.test.SecuredApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API over real HTTP, as the identity server's clients call it. */
final class PartnershipApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads and records reviews, and may read a review's personal details. */
    static final String OFFICER = "partnership-officer";
    /** Reads and records reviews; no personal details. */
    static final String ANALYST = "csu-analyst";
    /** The Police and Crime Panel: published figures only. */
    static final String PANEL = "police-crime-panel";

    private final SecuredApi api;

    PartnershipApi(int port, String client) {
        this.api = SecuredApi.at(port).as(client);
    }

    HttpResponse<String> post(String path, Object body) {
        return api.post(path, body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    HttpResponse<String> get(String path) {
        return api.get(path);
    }

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

    /** A 422 problem (RFC 9457): the fields it names. */
    static List<String> refusedFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
