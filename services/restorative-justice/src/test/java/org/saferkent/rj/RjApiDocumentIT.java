package org.saferkent.rj;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Restorative justice's OpenAPI document, as the running service serves it to anyone (it describes the API, never
 * data), is the committed contracts/openapi/restorative-justice.json, and its examples fit; the Swagger UI is served
 * from the service itself; the API still wants a token. Regenerate with {@code -Dopenapi.write=true}.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjApiDocumentIT {

    @Value("${local.server.port}")
    private int port;

    @Test
    void theServedDocumentIsTheCommittedOneAndTheSwaggerUiIsTheServicesOwn() {
        ApiDocuments.assertServedAsCommitted("restorative-justice", port);
    }
}
