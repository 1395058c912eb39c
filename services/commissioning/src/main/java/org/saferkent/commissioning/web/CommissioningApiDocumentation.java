package org.saferkent.commissioning.web;

import org.saferkent.platform.service.apidocs.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What commissioning's OpenAPI document ({@code /v3/api-docs}, committed as contracts/openapi/commissioning.json) says
 * beyond the controllers: the scopes, the refusals each operation can answer (ContractProblems, PerformanceProblems
 * and the controllers) and an example contract.
 */
@Configuration(proxyBeanMethods = false)
class CommissioningApiDocumentation {

    @Bean
    ApiDocumentation commissioningApi() {
        return ApiDocumentation.builder("SaferKent commissioning")
                .description("The PCC's commissioned contracts, their targets and variations; partnership activity counts, "
                        + "contract performance, its change feed and the MoJ return. Aggregates only: no personal data. "
                        + "Performance and the feed are published under statistical disclosure control (audience pcc-office): "
                        + "a count from 1 to 4 is null, and so is any count, measure or target value that would let one be "
                        + "worked out from the contract's Kent total (district kent, which rides with the latest change of its "
                        + "contract and quarter in the feed) and its other districts; performance.suppressed names each and why "
                        + "(primary or secondary). The MoJ return is exact. "
                        + "Every refusal is an RFC 9457 problem naming each field.")
                .scope("commissioning.read", "Read contracts, activity, performance, the feed and the MoJ return.")
                .scope("commissioning.write", "Register, vary and end contracts; rebuild the projection.")
                .problems("GET /api/contracts", 422)
                .problems("GET /api/contracts/{id}", 404)
                .problems("POST /api/contracts/{id}/**", 404, 409)
                .problems("GET /api/commissioning/performance", 422)
                .problems("GET /api/commissioning/feed", 422)
                .problems("GET /api/commissioning/returns/moj.csv", 422)
                .problems("POST /api/commissioning/rebuild", 409)
                .response("POST /api/contracts", 201, "ContractView", "The registered contract.")
                .produces("GET /api/commissioning/returns/moj.csv", "text/csv")
                .requestExample("POST /api/contracts", """
                        {"provider":"Victim Support","service":"Kent Victim Care","pathways":["victim-support","domestic-abuse"],
                         "districts":["dover","thanet"],"period":{"start":"2030-04-01","end":"2031-03-31"},"valuePence":125000000,
                         "targets":[{"measure":"cope-and-recover-share","target":0.8,"amberWithin":0.05},
                                    {"measure":"cost-per-victim-supported","target":250}]}""")
                .build();
    }
}
