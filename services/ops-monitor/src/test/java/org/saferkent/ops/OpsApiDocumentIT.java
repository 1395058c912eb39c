package org.saferkent.ops;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.ApiDocuments;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ops-monitor's OpenAPI document, as the running service serves it to anyone (it describes the API, never data), is
 * the committed contracts/openapi/ops-monitor.json, and its examples fit; the Swagger UI is served from the service
 * itself; the API still wants a token. Regenerate the committed document with {@code -Dopenapi.write=true}.
 */
@OpsMonitorTest
class OpsApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedOneAndTheSwaggerUiIsTheServicesOwn() {
        ApiDocuments.assertServedAsCommitted("ops-monitor", port);
    }
}
