package org.saferkent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what in ops-monitor, through real HTTP with real tokens: operations read the picture and
 * act on dead letters; nobody else gets in. Each client has its own rate limit: past it, 429 with
 * Retry-After, while other clients carry on.
 */
@OpsMonitorTest
class OpsSecurityIT {

    private static final List<String> READS = List.of("/api/ops/picture", "/api/ops/dead-letters", "/api/ops/audit",
            "/actuator/metrics");

    @LocalServerPort
    int port;

    @Test
    void withoutATokenNothingButHealthAnswers() {
        SecuredApi anonymous = SecuredApi.at(port).anonymous();
        READS.forEach(path -> assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401));
        assertThat(anonymous.post("/api/ops/dead-letters/x/park", "{\"note\":\"n\"}").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyOperationsReadThePictureAndActOnDeadLetters() {
        // a token for ops-monitor without the operations scopes: the DPO's
        SecuredApi dpo = SecuredApi.at(port).as("dpo");
        READS.forEach(path -> assertThat(dpo.get(path).statusCode()).as("dpo " + path).isEqualTo(403));
        assertThat(dpo.post("/api/ops/dead-letters/x/park", "{\"note\":\"n\"}").statusCode()).as("dpo").isEqualTo(403);
        // tokens meant for other services only (their aud): not taken here at all
        for (String client : List.of("pcc-office", "victims-caseworker", "rj-practitioner", "svc-victims", "agency-kent-police")) {
            SecuredApi as = SecuredApi.at(port).as(client);
            READS.forEach(path -> assertThat(as.get(path).statusCode()).as(client + " " + path).isEqualTo(401));
            assertThat(as.post("/api/ops/dead-letters/x/park", "{\"note\":\"n\"}").statusCode()).as(client).isEqualTo(401);
        }
        SecuredApi ops = SecuredApi.at(port).as(OpsFixtures.OPS);
        READS.forEach(path -> assertThat(ops.get(path).statusCode()).as(path).isEqualTo(200));
        assertThat(ops.post("/api/ops/dead-letters/unknown/park", "{\"note\":\"n\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientOverItsRateLimitIsToldWhenToRetryAndOthersCarryOn() {
        SecuredApi auditor = SecuredApi.at(port).as("auditor");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            HttpResponse<String> response = auditor.get("/api/audit?limit=1");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(statuses).as("the auditor's limit is 5 an hour").startsWith(200, 200, 200, 200, 200).endsWith(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(limited.body()).contains("\"status\":429").doesNotContain("Exception").doesNotContain("resilience4j");
        // another client is not held back
        assertThat(SecuredApi.at(port).as(OpsFixtures.OPS).get("/api/ops/picture").statusCode()).isEqualTo(200);
    }
}
