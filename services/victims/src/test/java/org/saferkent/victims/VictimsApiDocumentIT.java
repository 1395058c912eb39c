package org.saferkent.victims;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;

/**
 * Victims' OpenAPI document, as the running service serves it to anyone (it describes the API, never data), is the
 * committed contracts/openapi/victims.json, and its examples fit; the Swagger UI is served from the service itself;
 * the API still wants a token. Regenerate the committed document with {@code -Dopenapi.write=true}.
 */
class VictimsApiDocumentIT extends VictimsIntegrationTest {

    @Test
    void theServedDocumentIsTheCommittedOneAndTheSwaggerUiIsTheServicesOwn() {
        ApiDocuments.assertServedAsCommitted("victims", port);
    }
}
