package org.saferkent.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.saferkent.devstack.BoundedWait.Attempt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a service's actuator health endpoint over real HTTP, the way a load balancer or an orchestrator
 * would: a context that has started is not necessarily healthy (a health indicator may be DOWN).
 */
final class HealthProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** Waits until the endpoint reports status UP; the timeout message carries the last answer. */
    void awaitUp(String serviceName, URI healthUri, Duration timeout) throws Exception {
        BoundedWait.until(serviceName + " to report UP at " + healthUri, timeout, Duration.ofMillis(250),
                () -> check(healthUri));
    }

    Attempt<String> check(URI healthUri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUri)
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String status = statusOf(response.body());
            if (response.statusCode() == 200 && "UP".equals(status)) {
                return Attempt.ready(status);
            }
            return Attempt.notYet("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return Attempt.notYet(e.toString());
        }
    }

    private static String statusOf(String body) {
        try {
            JsonNode status = JSON.readTree(body).path("status");
            return status.isString() ? status.asString() : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
    }
}
