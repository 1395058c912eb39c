package org.saferkent.simulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client-credentials tokens from the identity server ({@code POST {issuer}/oauth2/token}, HTTP Basic
 * {@code clientId:secret}), cached per client until shortly before they expire. When the issuer does
 * not answer at all, the stack runs without security: requests go without an Authorization header.
 * Local secrets follow the identity server's embedded default, {@code <clientId>-local-secret}; a
 * real deployment passes its own through {@code SAFERKENT_SECRET_<CLIENT_ID>} environment variables.
 */
public final class TokenSource {

    /** Renew this long before expiry, so no request carries a token that expires on the way. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, String> secrets;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private volatile Boolean issuerAnswers;

    private record Token(String value, Instant renewAt) {
    }

    public TokenSource(String issuer, HttpClient http, Clock clock, Map<String, String> secrets) {
        this.tokenEndpoint = URI.create(issuer.replaceAll("/+$", "") + "/oauth2/token");
        this.http = http;
        this.clock = clock;
        this.secrets = secrets;
    }

    public static TokenSource fromEnvironment(String issuer, HttpClient http) {
        return new TokenSource(issuer, http, Clock.systemUTC(), System.getenv());
    }

    /** The client id that posts for an agency. */
    public static String agencyClient(String agency) {
        return "agency-" + agency;
    }

    /** The value of the Authorization header for this client, or empty when the stack has no identity server. */
    public Optional<String> authorization(String clientId) {
        if (Boolean.FALSE.equals(issuerAnswers)) {
            return Optional.empty();
        }
        Token token = cache.get(clientId);
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch(clientId);
            if (token == null) {
                return Optional.empty();
            }
            cache.put(clientId, token);
        }
        return Optional.of("Bearer " + token.value());
    }

    /**
     * Forgets every token and whether the issuer answers: for a stack started afresh, whose identity
     * server signs with a new key (tokens of the previous one would be refused with 401).
     */
    public void forget() {
        cache.clear();
        issuerAnswers = null;
    }

    /**
     * Keeps the tokens but asks again whether the issuer answers: for the same stack restarted, whose identity
     * server keeps its key (tokens fetched before are still good), but which did not answer while it was down.
     */
    public void recheckIssuer() {
        issuerAnswers = null;
    }

    /** Whether requests carry tokens: known after the first {@link #authorization(String)}. */
    public boolean secured() {
        return Boolean.TRUE.equals(issuerAnswers);
    }

    private Token fetch(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret(clientId)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException unreachable) {
            issuerAnswers = false;
            return null;
        } catch (IOException e) {
            if (issuerAnswers == null) {
                issuerAnswers = false;
                return null;
            }
            throw new IllegalStateException("token request for " + clientId + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the identity server refused a token to " + clientId + ": HTTP " + response.statusCode());
        }
        issuerAnswers = true;
        JsonNode body = json.readTree(response.body());
        long expiresIn = body.path("expires_in").asLong(300);
        Instant renewAt = clock.instant().plusSeconds(expiresIn).minus(MARGIN);
        return new Token(body.path("access_token").asString(), renewAt);
    }

    private String secret(String clientId) {
        String variable = "SAFERKENT_SECRET_" + clientId.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        String configured = secrets.get(variable);
        return configured != null && !configured.isBlank() ? configured : clientId + "-local-secret";
    }
}
