package org.saferkent.partnership;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The partnership's OpenAPI document, as the running service serves it to anyone (it describes the API, never data),
 * is the committed contracts/openapi/partnership.json, and its examples fit. Regenerate with
 * {@code -Dopenapi.write=true}. The same context as PartnershipIT (same properties).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=partnership",
        "saferkent.partnership.dhr.scan-interval=1h", "saferkent.partnership.asb-case-review.district-thresholds.swale=2"})
@WithRealInfrastructure
class PartnershipApiDocumentIT {

    @Value("${local.server.port}")
    private int port;

    @Test
    void theServedDocumentIsTheCommittedOne() {
        ApiDocuments.assertServedAsCommitted("partnership", port);
    }
}
