package org.saferkent.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A service's HTTP API as seen by one caller: a client of the test identity server (a real token),
 * a raw {@code Authorization} value, or nobody at all. For the security tests' allow and deny cases.
 *
 * <pre>{@code
 * SecuredApi.at(port).as("pcc-office").get("/api/victim-cases")   // 403
 * SecuredApi.at(port).anonymous().get("/api/victim-cases")        // 401
 * }</pre>
 */
public final class SecuredApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;
    private final String purpose;

    private SecuredApi(String base, String authorization, String purpose) {
        this.base = base;
        this.authorization = authorization;
        this.purpose = purpose;
    }

    public static SecuredApi at(int port) {
        return new SecuredApi("http://127.0.0.1:" + port, null, null);
    }

    /** As the identity server's client {@code clientId}, with every scope it holds. */
    public SecuredApi as(String clientId) {
        return new SecuredApi(base, Tokens.bearer(clientId), purpose);
    }

    /** As the partner agency's client {@code agency-<code>}. */
    public SecuredApi asAgency(String agencyCode) {
        return new SecuredApi(base, Tokens.agency(agencyCode), purpose);
    }

    /** With this {@code Authorization} header value as it is (e.g. a forged or expired token). */
    public SecuredApi withAuthorization(String value) {
        return new SecuredApi(base, value, purpose);
    }

    public SecuredApi anonymous() {
        return new SecuredApi(base, null, purpose);
    }

    /** Says why personal data is read ({@code X-Access-Purpose}), as the audit trail records it. */
    public SecuredApi forPurpose(String why) {
        return new SecuredApi(base, authorization, why);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A POST with any content type, for the strict content-type checks. */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (purpose != null) {
            request.header("X-Access-Purpose", purpose);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
