package org.saferkent.platform.service.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own access token for calling another service (OAuth2 client credentials,
 * {@code saferkent.security.client.*}), fetched from the token endpoint and kept until a minute
 * before it expires. A failure to get one is an {@link IOException}: to a caller, the same as the
 * other service being unreachable (so its retries and circuit breaker apply).
 */
public class ClientCredentialsTokens {

    private static final Duration EARLY = Duration.ofSeconds(60);

    private final URI tokenUri;
    private final String clientId;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Cached cached;

    public ClientCredentialsTokens(URI tokenUri, String clientId, String secret, Duration timeout, Clock clock) {
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.secret = secret == null ? "" : secret;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String clientId() {
        return clientId;
    }

    /** {@code Bearer <token>} for the {@code Authorization} header. */
    public String bearer() throws IOException {
        Cached current = cached;
        if (current == null || !clock.instant().isBefore(current.refreshAfter())) {
            current = fetch();
            cached = current;
        }
        return "Bearer " + current.token();
    }

    /** Forget the token (the other service refused it: the identity server may have restarted with a new key). */
    public void invalidate() {
        cached = null;
    }

    private synchronized Cached fetch() throws IOException {
        if (secret.isBlank()) {
            throw new IOException("no client secret configured for " + clientId + " (saferkent.security.client.client-secret)");
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenUri).timeout(timeout)
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted fetching a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the identity server refused a token to " + clientId + " (" + response.statusCode() + ")");
        }
        JsonNode body = json.readTree(response.body());
        String token = body.path("access_token").asString(null);
        if (token == null || token.isBlank()) {
            throw new IOException("the identity server answered without an access token");
        }
        long seconds = body.path("expires_in").asLong(300);
        Instant refreshAfter = clock.instant().plusSeconds(seconds).minus(EARLY);
        return new Cached(token, refreshAfter);
    }

    private record Cached(String token, Instant refreshAfter) {
    }
}
