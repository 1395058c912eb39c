package org.saferkent.referrals;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Referrals' OpenAPI document, as the running service serves it to anyone (it describes the API, never data), is
 * the committed contracts/openapi/referrals.json, and its examples fit; the Swagger UI is served from the service
 * itself; the API still wants a token. Regenerate the committed document with {@code -Dopenapi.write=true}.
 */
// Same properties as ReferralApiIT, ReferralTriageIT and ReferralsSecurityIT, so all share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralsApiDocumentIT {

    @Value("${local.server.port}")
    private int port;

    @Test
    void theServedDocumentIsTheCommittedOneAndTheSwaggerUiIsTheServicesOwn() {
        ApiDocuments.assertServedAsCommitted("referrals", port);
    }
}
