package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;

import tools.jackson.databind.JsonNode;

/**
 * Who may do what in victims, through real HTTP with real tokens: case workers read and work cases and
 * alone see a victim's personal details (each read audited); nobody else gets in. The claim check to
 * referrals goes out with the victims service's own token.
 */
class VictimsSecurityIT extends VictimsIntegrationTest {

    private static final String NAME = "Orla Secure";

    @Test
    void withoutATokenNothingButHealthAnswers() {
        SecuredApi anonymous = SecuredApi.at(port).anonymous();
        for (HttpResponse<String> response : List.of(anonymous.get("/api/victim-cases"),
                anonymous.get("/api/victim-cases/vc-x/details"), anonymous.post("/api/victim-cases/vc-x/contacts", "{}"),
                anonymous.get("/api/audit"), anonymous.get("/actuator/metrics"))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyCaseWorkersReadAndWorkCases() {
        String caseId = openCase(Map.of());
        for (String client : List.of("ops", "auditor", "dpo")) {
            SecuredApi as = SecuredApi.at(port).as(client);
            assertThat(as.get("/api/victim-cases/" + caseId).statusCode()).as(client).isEqualTo(403);
            assertThat(as.get("/api/victim-cases?referralId=" + caseId.substring(3)).statusCode()).as(client).isEqualTo(403);
            assertThat(as.post("/api/victim-cases/" + caseId + "/contacts", "{}").statusCode()).as(client).isEqualTo(403);
        }
        // tokens meant for other services only (their aud): not taken here at all
        for (String client : List.of("pcc-office", "rj-practitioner", "svc-victims", "agency-kent-police")) {
            SecuredApi as = SecuredApi.at(port).as(client);
            assertThat(as.get("/api/victim-cases/" + caseId).statusCode()).as(client).isEqualTo(401);
            assertThat(as.post("/api/victim-cases/" + caseId + "/contacts", "{}").statusCode()).as(client).isEqualTo(401);
        }
        assertThat(SecuredApi.at(port).as(CASEWORKER_CLIENT).get("/api/victim-cases/" + caseId).statusCode()).isEqualTo(200);
    }

    @Test
    void personalDetailsAreForCaseWorkersAloneAndEveryReadIsAudited() throws Exception {
        String referralId = newReferralId();
        REFERRALS.holdSubject(referralId, """
                {"name":"%s","dateOfBirth":"1980-02-02","postcode":"ME14 1AA"}""".formatted(NAME));
        route(referralId, "victim-support", Map.of());
        String caseId = "vc-" + referralId;
        awaitCase(caseId, c -> !c.path("detailsPending").asBoolean());
        String path = "/api/victim-cases/" + caseId + "/details";

        for (String client : List.of("pcc-office", "rj-practitioner", "ops", "svc-victims", "agency-kent-police")) {
            HttpResponse<String> refused = SecuredApi.at(port).as(client).get(path);
            // operations' token is for victims too (403); the others' are for other services only (401)
            assertThat(refused.statusCode()).as(client).isEqualTo("ops".equals(client) ? 403 : 401);
            assertThat(refused.body()).doesNotContain(NAME);
        }
        HttpResponse<String> details = SecuredApi.at(port).as(CASEWORKER_CLIENT).forPurpose("first-contact").get(path);
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(details.body()).path("name").asString()).isEqualTo(NAME);

        JsonNode trail = JSON.readTree(SecuredApi.at(port).as("auditor").get("/api/audit?recordId=" + caseId).body());
        assertThat(trail.valueStream().map(e -> e.path("clientId").asString() + " " + e.path("resource").asString() + " "
                + e.path("purpose").asString() + " " + e.path("outcome").asString()))
                .containsExactly("victims-caseworker victim-details first-contact allowed");
        JsonNode denied = JSON.readTree(SecuredApi.at(port).as("auditor").get("/api/audit?outcome=denied&clientId=ops").body());
        assertThat(denied.valueStream().map(e -> e.path("resource").asString())).contains("GET " + path);
        assertThat(SecuredApi.at(port).as(CASEWORKER_CLIENT).get("/api/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void theClaimCheckCarriesTheVictimsServicesOwnToken() {
        String referralId = newReferralId();
        REFERRALS.holdSubject(referralId, "{\"name\":\"Pip Token\"}");
        route(referralId, "victim-support", Map.of());
        awaitCase("vc-" + referralId, c -> !c.path("detailsPending").asBoolean());

        String authorization = REFERRALS.authorizationFor(referralId);
        assertThat(authorization).startsWith("Bearer ");
        String payload = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8);
        JsonNode claims = JSON.readTree(payload);
        assertThat(claims.path("client_id").asString()).isEqualTo("svc-victims");
        assertThat(claims.path("scope").valueStream().map(JsonNode::asString)).containsExactly("referrals.subject");
    }

    @Test
    void theClaimChecksBreakerRetryAndBulkheadAreInPrometheusForOperations() {
        HttpResponse<String> scraped;
        try {
            scraped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Authorization", org.saferkent.platform.test.Tokens.bearer("ops")).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("resilience4j_circuitbreaker_state{", "name=\"referrals-subject\"",
                "resilience4j_retry_calls", "resilience4j_bulkhead_available_concurrent_calls");
    }
}
