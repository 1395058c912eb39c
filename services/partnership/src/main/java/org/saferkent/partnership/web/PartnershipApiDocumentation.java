package org.saferkent.partnership.web;

import org.saferkent.platform.service.apidocs.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the partnership's OpenAPI document ({@code /v3/api-docs}, committed as contracts/openapi/partnership.json)
 * says beyond the controllers: the scopes, the refusals, an example notification.
 */
@Configuration(proxyBeanMethods = false)
class PartnershipApiDocumentation {

    @Bean
    ApiDocumentation partnershipApi() {
        return ApiDocumentation.builder("SaferKent partnership")
                .description("The Community Safety Partnership's statutory work: Domestic Homicide Reviews (Home Office "
                        + "Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews: decision within one "
                        + "month of the notification, an independent chair, the review within six months of the decision, "
                        + "every recommendation tracked until done) and ASB case reviews (the community trigger, Anti-social "
                        + "Behaviour, Crime and Policing Act 2014 s.104 and Schedule 4) with their published figures. Every "
                        + "refusal is an RFC 9457 problem naming each field, or the rule that refused it. "
                        + "The strategic assessment: crime and ASB counts per district and year by police.uk category and "
                        + "month, from imported police.uk files and the referrals received, with year-on-year change and "
                        + "the county by CSP; every figure through disclosure control. The Police and Crime Panel's view: "
                        + "the performance framework and the PCC's commissioning performance per financial year (April to "
                        + "March), aggregates only, through disclosure control.")
                .scope(PartnershipAccess.READ, "Read reviews and applications.")
                .scope(PartnershipAccess.WRITE, "Record notifications, decisions, panels, reviews, recommendations, applications.")
                .scope(PartnershipAccess.PERSONAL, "Read a review's personal details (audited).")
                .scope(PartnershipAccess.PANEL_READ, "The Police and Crime Panel: published figures only.")
                .scope("subjects.erase", "The data protection officer: erase a Domestic Homicide Review's personal details "
                        + "(crypto-shredding; audited).")
                .problems("GET /api/partnership/dhrs/{id}", 404)
                .problems("GET /api/partnership/dhrs/{id}/personal-details", 404, 410)
                .problems("POST /api/data-protection/dhr-erasures", 404)
                .problems("GET /api/partnership/panel", 422)
                .problems("POST /api/partnership/dhrs/{id}/**", 404, 409)
                .problems("GET /api/partnership/asb-reviews/{id}", 404)
                .problems("POST /api/partnership/asb-reviews/{id}/**", 404, 409)
                .problems("GET /api/partnership/asb-reviews/figures", 422)
                .response("POST /api/partnership/dhrs", 201, "DhrView", "The review, notified; its decision is due a month on.")
                .response("POST /api/partnership/dhrs/{id}/recommendations", 201, "DhrView", "The review with the new recommendation.")
                .response("POST /api/partnership/asb-reviews", 201, "AsbReviewView",
                        "The application, with the threshold it was tested against and whether it meets it.")
                .requestExample("POST /api/partnership/dhrs", """
                        {"district":"swale","notifiedOn":"2026-09-01","agenciesInvolved":["kent-police","nhs-kent-medway"],
                         "victimName":"(held in the service, sealed; never published)"}""")
                .requestExample("POST /api/data-protection/dhr-erasures", """
                        {"reviewId":"dhr-6f1c2a9e-3b7d-4c55-9a1e-0d2b8f4e7c31","requestReference":"DSR-2026-0042"}""")
                .requestExample("POST /api/partnership/asb-reviews", """
                        {"district":"thanet","receivedOn":"2026-09-14","complaints":3}""")
                // the strategic assessment (org.saferkent.partnership.assessment)
                .response("POST /api/partnership/assessments/imports", 201, "ImportSummary",
                        "The police.uk file imported whole (200 if the same file was imported before: nothing changed); "
                        + "a bad row is a 422 naming 'line N: column', a file over 20 MB or 200,000 rows a 413.")
                .requestExample("POST /api/partnership/assessments/imports", """
                        {"fileName":"2026-08-kent-street.csv","csv":"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\\n,2026-08,Kent Police,Kent Police,0.52,51.27,On or near High Street,E01024400,Maidstone 012A,Anti-social behaviour,,\\n"}""")
                .build();
    }
}
