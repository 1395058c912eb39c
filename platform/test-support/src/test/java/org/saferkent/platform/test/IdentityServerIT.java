package org.saferkent.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.saferkent.identity.IdentityApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded identity server over real HTTP: client credentials give each client a signed JWT with its
 * scopes (and an agency client its agency); a wrong secret, an unknown client or a scope the client does
 * not hold gets no token.
 */
class IdentityServerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anAgencysTokenCarriesItsAgencyItsScopesAndItsClient() {
        JsonNode claims = claims(Tokens.forClient("agency-kent-police"));

        assertThat(claims.path("iss").asString()).isEqualTo(IdentityServer.get().issuerUri());
        assertThat(claims.path("sub").asString()).isEqualTo("agency-kent-police");
        assertThat(claims.path("client_id").asString()).isEqualTo("agency-kent-police");
        assertThat(claims.path("agency").asString()).isEqualTo("kent-police");
        // Kent Police also posts youth-justice disposals, as itself
        assertThat(claims.path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("referrals.write", "referrals.read", "rj.disposals.write");
        assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());
        JsonNode dover = claims(Tokens.forClient("agency-dover-dc"));
        assertThat(dover.path("agency").asString()).isEqualTo("dover-dc");
        // Dover's council is also the district's ASB team, answering the ASB cases routed to it (its inbox)
        assertThat(dover.path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("referrals.write", "referrals.read", "referrals.inbox");
        assertThat(claims(Tokens.forClient("agency-kcc-education")).path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("referrals.write", "referrals.read");
    }

    @Test
    void aTokenNamesTheServicesItsScopesAreForAsItsAudience() {
        assertThat(audience(Tokens.forClient("agency-dover-dc"))).containsExactly("referrals");
        // Kent Police posts disposals to restorative justice as well
        assertThat(audience(Tokens.forClient("agency-kent-police"))).containsExactlyInAnyOrder("referrals", "restorative-justice");
        assertThat(audience(Tokens.forClient("svc-victims"))).containsExactly("referrals");
        assertThat(audience(Tokens.forClient("victims-caseworker"))).containsExactlyInAnyOrder("victims", "referrals");
        assertThat(audience(Tokens.forClient("police-crime-panel"))).containsExactly("partnership");
        // operations, the audit trail and erasure are on every service
        assertThat(audience(Tokens.forClient("ops"))).containsExactlyInAnyOrder(
                "referrals", "victims", "restorative-justice", "commissioning", "partnership", "ops-monitor");
        // a token asked for with fewer scopes is for fewer services
        HttpResponse<String> fewer = Tokens.requestToken("victims-caseworker", Tokens.secretOf("victims-caseworker"), "victims.read");
        assertThat(audience(JSON.readTree(fewer.body()).path("access_token").asString())).containsExactly("victims");
    }

    @Test
    void aPersonsTokenHoldsTheirOwnScopesForTheServicesThePageAskedFor() {
        JsonNode caseworker = claims(Tokens.forPerson("caseworker", "openid victims.read victims.personal referrals.read"));
        assertThat(caseworker.path("sub").asString()).isEqualTo("caseworker");
        assertThat(caseworker.path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("openid", "victims.read", "victims.personal");
        assertThat(audience(caseworker)).containsExactlyInAnyOrder("victims", "referrals");
        // someone holding none of what was asked is still signed in: refused by each service's rules, not by the audience
        JsonNode member = claims(Tokens.forPerson("pcc-analyst", "openid victims.read"));
        assertThat(member.path("scope").valueStream().map(JsonNode::asString)).containsExactly("openid");
        assertThat(audience(member)).containsExactly("victims");
    }

    @Test
    void safeguardingReadsAndApprovalsHaveScopesOfTheirOwn() {
        assertThat(claims(Tokens.forClient(Tokens.SAFEGUARDING_CLIENT)).path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("referrals.safeguarding.read", "referrals.safeguarding");
        assertThat(claims(Tokens.forClient("rj-manager")).path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("rj.read", "rj.write", "rj.approve");
        assertThat(claims(Tokens.forClient("rj-practitioner")).path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("rj.read", "rj.write");
    }

    @Test
    void otherClientsCarryTheirScopesAndNoAgency() {
        JsonNode pcc = claims(Tokens.forClient("pcc-office"));
        assertThat(pcc.path("agency").isMissingNode()).isTrue();
        assertThat(pcc.path("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("commissioning.read", "commissioning.write");
        assertThat(claims(Tokens.forClient("svc-victims")).path("scope").valueStream().map(JsonNode::asString))
                .containsExactly("referrals.subject");
    }

    @Test
    void aClientMayAskForFewerScopesButNotForOthers() {
        HttpResponse<String> fewer = Tokens.requestToken("agency-dover-dc", Tokens.secretOf("agency-dover-dc"), "referrals.read");
        assertThat(fewer.statusCode()).isEqualTo(200);
        String token = JSON.readTree(fewer.body()).path("access_token").asString();
        assertThat(claims(token).path("scope").valueStream().map(JsonNode::asString)).containsExactly("referrals.read");

        HttpResponse<String> more = Tokens.requestToken("agency-dover-dc", Tokens.secretOf("agency-dover-dc"), "referrals.subject");
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(more.body()).contains("invalid_scope").doesNotContain("access_token");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNoToken() {
        HttpResponse<String> wrongSecret = Tokens.requestToken("agency-kent-police", "guess", null);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).doesNotContain("access_token");

        HttpResponse<String> unknown = Tokens.requestToken("agency-atlantis", Tokens.secretOf("agency-atlantis"), null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("access_token");
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeysAndHealthIsOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String issuer = IdentityServer.get().issuerUri();
        JsonNode discovery = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(issuer);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(discovery.path("code_challenge_methods_supported").valueStream().map(JsonNode::asString)).contains("S256");
        HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(discovery.path("jwks_uri").asString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(keys.body()).path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(keys.body()).doesNotContain("\"d\"");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(issuer + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void guessingAClientsSecretIsStoppedAfterFiveFailuresEvenForTheRightSecret() {
        String client = "agency-medway-council"; // used by no other test in this JVM
        for (int i = 0; i < 5; i++) {
            assertThat(Tokens.requestToken(client, "guess-" + i, null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> sixth = Tokens.requestToken(client, Tokens.secretOf(client), null);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isPositive();
        assertThat(sixth.body()).doesNotContain("access_token");
        // another client is not held back by it
        assertThat(Tokens.requestToken("agency-dover-dc", Tokens.secretOf("agency-dover-dc"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void guessingAPersonsPasswordOnTheFormIsStoppedAfterFiveFailures() throws Exception {
        String issuer = IdentityServer.get().issuerUri();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = signIn(http, issuer, "panel-member", "guess-" + i);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        HttpResponse<String> sixth = signIn(http, issuer, "panel-member", "panel-member-local-password");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        // someone else signs in all the same
        HttpResponse<String> other = signIn(HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build(),
                issuer, "pcc-analyst", "pcc-analyst-local-password");
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /**
     * Instances on one store sign with one key and share what is in flight: the first issues tokens and a code, and
     * stops (the whole identity server down); the next, started on its address, exchanges the first's code (as any
     * instance behind the entry point would: the page's server calls the token endpoint without the browser's
     * cookie), a resource server started after the restart accepts the tokens issued before it, the next's
     * tokens verify against the key set the first published, and failed attempts at both count together. (Two instances starting at once agree on one key:
     * IdentityConfigurationTest.)
     */
    @Test
    void instancesOnOneStoreShareTheirKeyAuthorizationsAndFailedAttemptsSoARestartKeepsTokensValid() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = mongo.bind();
        String[] store = {"--saferkent.identity.store.uri=mongodb://" + address.getHostString() + ":" + address.getPort(),
                "--saferkent.identity.store.master-key=" + Base64.getEncoder().encodeToString(new byte[32])};
        ConfigurableApplicationContext identity = startIdentity(0, store);
        try {
            int port = identity.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String issuer = "http://127.0.0.1:" + port;
            URI tokenUri = URI.create(issuer + "/oauth2/token");
            String before = Tokens.requestToken(tokenUri, "agency-dover-dc", Tokens.secretOf("agency-dover-dc"));
            HttpClient http = HttpClient.newHttpClient();
            String firstKeys = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            // a person signs in and authorizes the page at the first instance
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            assertThat(signIn(browser, issuer, "caseworker", "caseworker-local-password").headers()
                    .firstValue("Location").orElse("")).doesNotContain("error");
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String redirect = java.net.URLEncoder.encode("http://127.0.0.1:8082/login/oauth2/code/saferkent", StandardCharsets.UTF_8);
            HttpResponse<String> authorized = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/authorize"
                    + "?response_type=code&client_id=saferkent-web&scope=openid%20victims.read&state=s1&redirect_uri=" + redirect
                    + "&code_challenge=" + challenge + "&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("[?&]code=([^&]+)")
                    .matcher(authorized.headers().firstValue("Location").orElse(""));
            assertThat(code.find()).as("a code from the first instance: %s", authorized.headers().map()).isTrue();
            // a guesser's failures at the first instance ...
            for (int i = 0; i < 3; i++) {
                assertThat(tokenAnswer(tokenUri, "agency-swale-bc", "guess-" + i)).isEqualTo(401);
            }

            // the identity server restarts: another instance on the same address, with nothing but the store to go on
            identity.close();
            identity = startIdentity(port, store);
            HttpResponse<String> exchanged = http.send(HttpRequest.newBuilder(tokenUri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=saferkent-web&code="
                            + code.group(1) + "&redirect_uri=" + redirect + "&code_verifier=" + verifier))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
            String personal = JSON.readTree(exchanged.body()).path("access_token").asString();

            // a resource server started now (it reads the restarted server's key set) accepts the token from before
            JwtDecoder resourceServer = JwtDecoders.fromIssuerLocation(issuer);
            assertThat(resourceServer.decode(before).getClaimAsString("agency")).isEqualTo("dover-dc");
            assertThat(resourceServer.decode(personal).getSubject()).isEqualTo("caseworker");
            // ... count with those at the next: five in all, and the sixth attempt is refused before its secret is checked
            for (int i = 3; i < 5; i++) {
                assertThat(tokenAnswer(tokenUri, "agency-swale-bc", "guess-" + i)).isEqualTo(401);
            }
            assertThat(tokenAnswer(tokenUri, "agency-swale-bc", Tokens.secretOf("agency-swale-bc"))).isEqualTo(429);
            // and one that read the first instance's key set accepts the next one's tokens
            String after = Tokens.requestToken(tokenUri, "pcc-office", Tokens.secretOf("pcc-office"));
            com.nimbusds.jwt.SignedJWT signed = com.nimbusds.jwt.SignedJWT.parse(after);
            assertThat(signed.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(com.nimbusds.jose.jwk.JWKSet.parse(firstKeys)
                    .getKeyByKeyId(signed.getHeader().getKeyID()).toRSAKey()))).isTrue();
        } finally {
            identity.close();
            mongo.shutdownNow();
        }
    }

    /** The status of a client-credentials request to {@code tokenUri}. */
    private static int tokenAnswer(URI tokenUri, String clientId, String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenUri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ConfigurableApplicationContext startIdentity(int port, String... store) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=" + port,
                "--server.address=127.0.0.1", "--saferkent.identity.issuer=", "--saferkent.identity.local-default-secrets=true",
                "--spring.main.banner-mode=off", "--spring.jmx.enabled=false"));
        args.addAll(java.util.List.of(store));
        return IdentityApplication.application().run(args.toArray(String[]::new));
    }

    /** The identity server's login form, as a browser posts it (with the form's CSRF token). */
    private static HttpResponse<String> signIn(HttpClient http, String issuer, String username, String password) throws Exception {
        String form = http.send(HttpRequest.newBuilder(URI.create(issuer + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String body = "username=" + username + "&password=" + password + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code aud}: an array, or (one service) a string. */
    private static java.util.List<String> audience(String jwt) {
        return audience(claims(jwt));
    }

    private static java.util.List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isString() ? java.util.List.of(aud.asString()) : aud.valueStream().map(JsonNode::asString).toList();
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
