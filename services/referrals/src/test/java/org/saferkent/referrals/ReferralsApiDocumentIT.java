package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;
import org.saferkent.platform.test.IdentityServer;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals' OpenAPI document, as the running service serves it to anyone (it describes the API, never data), is
 * the committed contracts/openapi/referrals.json; the Swagger UI is served from the service itself; the API still
 * wants a token. Regenerate the committed document with {@code -Dopenapi.write=true}.
 */
// Same properties as ReferralApiIT, ReferralTriageIT and ReferralsSecurityIT, so all share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralsApiDocumentIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    private int port;

    private SecuredApi api;

    @BeforeEach
    void api() {
        api = SecuredApi.at(port);
    }

    @Test
    void theServedDocumentIsTheCommittedOne() {
        HttpResponse<String> served = api.anonymous().get("/v3/api-docs");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(served.body());
        assertThat(document.path("openapi").asString()).startsWith("3.1");

        assertThat(ApiDocuments.differences("referrals", document, IdentityServer.get().tokenUri())).isEmpty();
    }

    @Test
    void theSwaggerUiComesFromTheServiceAndTheApiStillWantsAToken() {
        HttpResponse<String> page = api.anonymous().get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("://");
        assertThat(api.anonymous().get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        HttpResponse<String> config = api.anonymous().get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(config.body()).path("url").asString()).isEqualTo("/v3/api-docs");

        assertThat(api.anonymous().get("/api/referrals").statusCode()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(api.anonymous().post("/v3/api-docs", "{}").statusCode()).isEqualTo(401);
    }
}
