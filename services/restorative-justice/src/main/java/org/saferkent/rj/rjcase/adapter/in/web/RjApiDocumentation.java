package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.platform.service.apidocs.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What restorative justice's OpenAPI document ({@code /v3/api-docs}, committed as
 * contracts/openapi/restorative-justice.json) says beyond the controllers: the scopes, the refusals each operation can
 * answer ({@link RjCaseProblems} and the controllers) and an example referral from the youth offending service.
 */
@Configuration(proxyBeanMethods = false)
class RjApiDocumentation {

    @Bean
    ApiDocumentation rjApi() {
        return ApiDocumentation.builder("SaferKent restorative justice")
                .description("Restorative justice cases, opened from routed referrals or by the youth offending service, "
                        + "worked to the ACPO standards (consent, risk assessment, a manager's approval of direct contact, "
                        + "conference, outcome, closure); youth justice disposals and measures. Every refusal is an RFC 9457 "
                        + "problem naming each field, or the rule that refused it.")
                .scope("rj.read", "Read cases, disposals and youth justice measures.")
                .scope("rj.write", "Work cases; refer from the youth offending service.")
                .scope(RjAccess.APPROVE_SCOPE, "A manager's approval of direct contact.")
                .scope(RjAccess.DISPOSALS_SCOPE, "Post youth justice disposals as the agency the token speaks for.")
                .problems("GET /api/rj-cases", 404)
                .problems("GET /api/rj-cases/{id}", 404)
                .problems("POST /api/rj-cases/{id}/**", 404, 409)
                .problems("GET /api/disposals", 422)
                .problems("GET /api/youth-justice/**", 422)
                .response("POST /api/rj-cases", 201, RjCaseView.class, "The new case.")
                .response("POST /api/rj-cases", 200, RjCaseView.class,
                        "The youth offending service reference was seen before: the case it opened.")
                .response("POST /api/rj-cases/{id}/participants", 201, RjCaseView.class, "The case with the new participant.")
                .response("POST /api/rj-cases/{id}/participants", 200, RjCaseView.class,
                        "The participant was added before: the case as it is.")
                .response("POST /api/disposals", 201, "DisposalView", "The disposal, recorded.")
                .response("POST /api/disposals", 200, "DisposalView", "The disposal was recorded before: as it was.")
                .requestExample("POST /api/rj-cases", """
                        {"agency":"kcc-youth-offending-service","offenderPseudonym":"3f8a0c5e9b7d2a41c6e0f9b83d5a7c2e1b4f6a8d0c3e5b7a9f1d2c4e6a8b0d2f",
                         "ageAtOffence":15,"offenceCategory":"criminal-damage-arson","offenceDate":"2026-06-02","district":"swale",
                         "yosReference":"YOS/2026/0042"}""")
                .build();
    }
}
