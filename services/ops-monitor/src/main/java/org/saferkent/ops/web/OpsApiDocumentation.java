package org.saferkent.ops.web;

import org.saferkent.ops.bindings.ServiceBindings;
import org.saferkent.ops.deadletters.DeadLetterActions;
import org.saferkent.ops.picture.DeadLetter;
import org.saferkent.platform.service.apidocs.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What ops-monitor's OpenAPI document ({@code /v3/api-docs}, committed as contracts/openapi/ops-monitor.json) says
 * beyond the controllers: the scopes, the refusals each operation can answer (the dead letter and binding
 * controllers) and an example replay.
 */
@Configuration(proxyBeanMethods = false)
class OpsApiDocumentation {

    @Bean
    ApiDocumentation opsApi() {
        return ApiDocumentation.builder("SaferKent operations monitor")
                .description("The operational picture of every service: ops events, consumer lag, health, circuits, SLA "
                        + "breaches, dead letters (inspected with personal data masked, replayed or parked) and consumer "
                        + "bindings (paused and resumed). The operations page uses the same API with its sign-in session.")
                .problems("GET /api/ops/dead-letters", 422)
                .problems("GET /api/ops/trace/{traceId}", 422)
                .problems("GET /api/ops/stream", 422, 503)
                .problems("GET /api/ops/dead-letters/{id}", 404)
                .problems("POST /api/ops/dead-letters/{id}/replay", 404, 409, 410, 422, 503)
                .problems("POST /api/ops/dead-letters/{id}/park", 404, 409, 410, 422)
                .problems("POST /api/ops/bindings/{service}/{binding}", 404, 422, 502, 503)
                .response("GET /api/ops/dead-letters/{id}", 200, DeadLetterActions.Inspection.class,
                        "The dead letter, its record's headers and its payload with personal data masked (audited).")
                .response("POST /api/ops/dead-letters/{id}/replay", 200, DeadLetter.class, "Replayed: the dead letter now.")
                .response("POST /api/ops/dead-letters/{id}/park", 200, DeadLetter.class, "Parked: the dead letter now.")
                .response("GET /api/ops/bindings", 200, ServiceBindings.ServiceBindingList[].class,
                        "Each watched service's consumer bindings, as it reports them.")
                .produces("GET /api/ops/stream", "text/event-stream")
                .requestExample("POST /api/ops/dead-letters/{id}/replay", """
                        {"note":"the victims service is fixed (INC-2041): replaying"}""")
                .build();
    }
}
