package org.saferkent.victims.victimcase.adapter.in.web;

import org.saferkent.platform.service.apidocs.ApiDocumentation;
import org.saferkent.victims.victimcase.domain.VictimDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What victims' OpenAPI document ({@code /v3/api-docs}, committed as contracts/openapi/victims.json) says beyond the
 * controllers: the scopes, the refusals each operation can answer ({@link VictimCaseProblems}, the controllers and
 * the data protection module's 410) and an example of case work.
 */
@Configuration(proxyBeanMethods = false)
class VictimsApiDocumentation {

    @Bean
    ApiDocumentation victimsApi() {
        return ApiDocumentation.builder("SaferKent victims")
                .description("Victim cases opened from routed referrals, worked to the Victims' Code: contact, needs "
                        + "assessment, support plan, referral to a provider, restorative justice information, outcomes and "
                        + "closure. Every refusal is an RFC 9457 problem naming each field.")
                .scope("victims.read", "Read victim cases and their timelines (no personal details).")
                .scope("victims.write", "Work victim cases.")
                .scope("victims.personal", "Read a victim's personal details (audited).")
                // the list checks its filters; with referralId it finds the case of one referral, or none
                .problems("GET /api/victim-cases", 404, 422)
                .problems("GET /api/victim-cases/{id}", 404)
                .problems("GET /api/victim-cases/{id}/timeline", 404)
                .problems("GET /api/victim-cases/{id}/details", 404, 410)
                .problems("POST /api/victim-cases/{id}/**", 404, 409)
                .response("GET /api/victim-cases/{id}/details", 200, VictimDetails.class, "The victim's personal details.")
                .requestExample("POST /api/victim-cases/{id}/contacts", """
                        {"attemptedAt":"2026-11-21T10:15:00Z","channel":"phone","outcome":"made"}""")
                .build();
    }
}
