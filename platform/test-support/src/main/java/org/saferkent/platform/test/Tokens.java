package org.saferkent.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens for tests, fetched over HTTP from the test JVM's identity server with the
 * client-credentials grant (cached per client until shortly before they expire).
 *
 * <pre>{@code
 * HttpRequest.newBuilder(uri).header("Authorization", Tokens.bearer("agency-kent-police"))
 * }</pre>
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Pattern AGENCY_FIELD = Pattern.compile("\"agency\"\\s*:\\s*\"([^\"]*)\"");
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    /**
     * The development client holding {@code referrals.safeguarding.read}: a MARAC coordinator, who reads the links
     * between agencies' referrals and the MARAC history that agencies themselves do not see.
     */
    public static final String SAFEGUARDING_CLIENT = "marac-coordinator";

    private Tokens() {
    }

    /** An access token for the client, with every scope it is registered for. */
    public static String forClient(String clientId) {
        Cached cached = CACHE.get(clientId);
        if (cached == null || Instant.now().isAfter(cached.refreshAfter())) {
            cached = fetch(clientId);
            CACHE.put(clientId, cached);
        }
        return cached.token();
    }

    /** {@code Bearer <token>}, the {@code Authorization} header value for the client. */
    public static String bearer(String clientId) {
        return "Bearer " + forClient(clientId);
    }

    /** {@code Bearer <token>} for {@link #SAFEGUARDING_CLIENT}, entitled to referrals' safeguarding view. */
    public static String safeguarding() {
        return bearer(SAFEGUARDING_CLIENT);
    }

    /** {@code Bearer <token>} for the partner agency's client {@code agency-<code>}. */
    public static String agency(String agencyCode) {
        return bearer("agency-" + agencyCode);
    }

    /**
     * {@code Bearer <token>} for the agency a referral's JSON names ({@code "agency":"<code>"}), or
     * for {@code fallbackAgency} when it names none (or none that has a client).
     */
    public static String agencyNamedIn(String json, String fallbackAgency) {
        Matcher agency = AGENCY_FIELD.matcher(json);
        if (agency.find() && agency.group(1).matches("[a-z0-9-]+")) {
            try {
                return agency(agency.group(1));
            } catch (IllegalStateException noSuchClient) {
                // an agency the identity server does not know: the request goes as the fallback agency
            }
        }
        return agency(fallbackAgency);
    }

    /** The public client people sign in through on the pages (authorization code + PKCE). */
    public static final String WEB_CLIENT = "saferkent-web";
    /** A redirect URI the web client is registered for; nothing needs to listen there, the code is read off the redirect. */
    private static final String WEB_REDIRECT = "http://127.0.0.1:8081/login/oauth2/code/saferkent";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    /**
     * An access token for a person of the test identity server ({@code saferkent.identity.users}), as a page gets it:
     * the person signs in on the identity server's form (local password {@code <username>-local-password}), the web
     * client asks for {@code scopes} (space separated) with authorization code + PKCE, and exchanges the code. The
     * token holds only those of the scopes the person has; its audience is the services the scopes asked for are for.
     * Not cached.
     */
    public static String forPerson(String username, String scopes) {
        String issuer = IdentityServer.get().issuerUri();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String form = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF_FIELD.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the identity server's login form");
            }
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(username + "-local-password") + "&_csrf=" + encode(csrf.group(1))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in refused for " + username + ": " + signedIn.statusCode());
            }
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> authorized = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/authorize"
                            + "?response_type=code&client_id=" + WEB_CLIENT + "&scope=" + encode(scopes) + "&state=matrix"
                            + "&redirect_uri=" + encode(WEB_REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = CODE.matcher(authorized.headers().firstValue("Location").orElse(""));
            if (authorized.statusCode() != 302 || !code.find()) {
                throw new IllegalStateException("no authorization code for " + username + ": " + authorized.statusCode() + " "
                        + authorized.headers().firstValue("Location").orElse(""));
            }
            HttpResponse<String> exchanged = browser.send(HttpRequest.newBuilder(URI.create(IdentityServer.get().tokenUri()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + WEB_CLIENT
                            + "&code=" + code.group(1) + "&redirect_uri=" + encode(WEB_REDIRECT) + "&code_verifier=" + verifier))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(exchanged.body());
            if (exchanged.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("No token for " + username + ": " + exchanged.statusCode() + " " + exchanged.body());
            }
            return token.group(1);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("signing in " + username + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted signing in " + username, e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The local default secret the test identity server gives every client. */
    public static String secretOf(String clientId) {
        return clientId + "-local-secret";
    }

    /** The raw token endpoint answer, for tests of the identity server itself. */
    public static HttpResponse<String> requestToken(String clientId, String secret, String scope) {
        return requestToken(URI.create(IdentityServer.get().tokenUri()), clientId, secret, scope);
    }

    /** An access token from another identity server (e.g. a local stack's), not cached. */
    public static String requestToken(URI tokenUri, String clientId, String secret) {
        HttpResponse<String> response = requestToken(tokenUri, clientId, secret, null);
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> requestToken(URI tokenUri, String clientId, String secret, String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "%20"));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(HttpRequest.newBuilder(tokenUri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching a token", e);
        }
    }

    private static Cached fetch(String clientId) {
        HttpResponse<String> response = requestToken(clientId, secretOf(clientId), null);
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        Matcher expires = EXPIRES_IN.matcher(response.body());
        long seconds = expires.find() ? Long.parseLong(expires.group(1)) : 300;
        return new Cached(token.group(1), Instant.now().plusSeconds(Math.max(0, seconds - 60)));
    }

    private record Cached(String token, Instant refreshAfter) {
    }
}
