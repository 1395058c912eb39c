package org.saferkent.commissioning;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;

/**
 * Commissioning's OpenAPI document, as the running service serves it to anyone (it describes the API, never data), is
 * the committed contracts/openapi/commissioning.json, and its examples fit; the Swagger UI is served from the service
 * itself; the API still wants a token. Regenerate the committed document with {@code -Dopenapi.write=true}.
 */
class CommissioningApiDocumentIT extends CommissioningIntegrationTest {

    @Test
    void theServedDocumentIsTheCommittedOneAndTheSwaggerUiIsTheServicesOwn() {
        ApiDocuments.assertServedAsCommitted("commissioning", port);
    }
}
