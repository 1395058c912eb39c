package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;

/**
 * Who may do what in commissioning, through real HTTP with real tokens: the PCC's office reads
 * performance and manages contracts (and, elsewhere, gets 403 on cases: see the other services'
 * security tests); nobody else gets in.
 */
class CommissioningSecurityIT extends CommissioningIntegrationTest {

    private static final List<String> READS = List.of("/api/commissioning/counts?district=thanet",
            "/api/commissioning/performance", "/api/commissioning/feed", "/api/contracts");

    @Test
    void withoutATokenNothingButHealthAnswers() {
        SecuredApi anonymous = SecuredApi.at(port).anonymous();
        READS.forEach(path -> assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401));
        assertThat(anonymous.post("/api/contracts", "{}").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void thePccOfficeReadsPerformanceAndContractsAndNobodyElseDoes() {
        SecuredApi pcc = SecuredApi.at(port).as(PCC_OFFICE);
        READS.forEach(path -> assertThat(pcc.get(path).statusCode()).as(path).isEqualTo(200));
        assertThat(pcc.post("/api/contracts", "{}").statusCode()).as("invalid, but allowed to try").isEqualTo(422);

        for (String client : List.of("ops", "victims-caseworker", "rj-practitioner", "svc-victims", "auditor", "agency-kent-police")) {
            SecuredApi as = SecuredApi.at(port).as(client);
            // operations' and the auditor's tokens are for commissioning too (403); the others' for other services only (401)
            int refused = List.of("ops", "auditor").contains(client) ? 403 : 401;
            READS.forEach(path -> assertThat(as.get(path).statusCode()).as(client + " " + path).isEqualTo(refused));
            assertThat(as.post("/api/contracts", "{}").statusCode()).as(client).isEqualTo(refused);
            assertThat(as.post("/api/commissioning/rebuild", "{}").statusCode()).as(client).isEqualTo(refused);
        }
    }
}
