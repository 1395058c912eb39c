package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim check answers the victims service's own client only (issue 18, item 9), not any client that
 * happens to hold the {@code referrals.subject} scope: here the victims service is configured as another
 * client, so {@code svc-victims}, scope and all, is refused and the refusal is audited.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=referrals",
        "saferkent.referrals.claim-check.client-id=svc-victims-elsewhere", "saferkent.messaging.group=claim-check-client-it"})
@WithRealInfrastructure
class ClaimCheckClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    private int port;

    @Test
    void aClientWithTheScopeButNotTheVictimsServicesIdentityIsRefused() throws Exception {
        SecuredApi api = SecuredApi.at(port);
        String body = JSON.writeValueAsString(Map.of("agencyReference", "CLAIM-" + UUID.randomUUID(), "district", "swale",
                "category", "violent-crime", "pathway", "victim-support",
                "subject", Map.of("role", "victim", "name", "Kay Claimed", "dateOfBirth", "1990-01-01"),
                "consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 1")));
        HttpResponse<String> created = api.asAgency("swale-bc").post("/api/referrals", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();

        HttpResponse<String> refused = api.as("svc-victims").get("/api/referrals/" + id + "/subject");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).doesNotContain("Kay Claimed");
        JsonNode denials = JSON.readTree(api.as("auditor").get("/api/audit?outcome=denied&clientId=svc-victims").body());
        assertThat(denials.valueStream().map(e -> e.path("resource").asString())).contains("GET /api/referrals/" + id + "/subject");
    }
}
