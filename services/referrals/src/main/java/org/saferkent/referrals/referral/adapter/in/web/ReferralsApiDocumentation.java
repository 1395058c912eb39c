package org.saferkent.referrals.referral.adapter.in.web;

import java.util.Arrays;

import org.saferkent.platform.service.apidocs.ApiDocumentation;
import org.saferkent.referrals.inbox.adapter.in.web.InboxItemView;
import org.saferkent.referrals.inbox.domain.CloseOutcome;
import org.saferkent.referrals.inbox.domain.DeclineReason;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.triage.domain.SubjectRole;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What referrals' OpenAPI document ({@code /v3/api-docs}, committed as contracts/openapi/referrals.json) says beyond
 * the controllers: the scopes, the refusals each operation can answer (see {@link ReferralController} and the data
 * protection module) and the example referral (the README's).
 */
@Configuration(proxyBeanMethods = false)
class ReferralsApiDocumentation {

    /** The README's example referral: ReadmeExamplesTest keeps the two the same. */
    static final String EXAMPLE_REFERRAL = """
            {"agencyReference":"KP-2026-0001","district":"maidstone",
             "category":"violent-crime","crimeReference":"46/1234/26","incidentDate":"2026-11-20",
             "subject":{"role":"victim","name":"Alex Example","dateOfBirth":"1988-03-14","postcode":"ME14 1XX"},
             "consent":{"given":true,"recordedOn":"2026-11-20","recordedBy":"PC 4411"},
             "pathways":["victim-support","restorative-justice"]}""";

    @Bean
    ApiDocumentation referralsApi() {
        return ApiDocumentation.builder("SaferKent referrals")
                .description("Partner agencies refer victims, offenders and vulnerable people; each referral is triaged and "
                        + "routed to its pathways: victim support and restorative justice (SaferKent's own services), youth prevention, "
                        + "substance misuse, an ASB case or troubled families (partner teams, each answering in its inbox). An agency posts and reads its own referrals "
                        + "only (the agency its token speaks for). Every refusal is an RFC 9457 problem naming each field.")
                .scope("referrals.write", "Post referrals (one, or a batch) as the agency the token speaks for.")
                .scope("referrals.read", "Read the agency's own referrals and their timelines.")
                .scope("referrals.safeguarding.read", "Read any referral's links and MARAC history (audited).")
                .scope("referrals.safeguarding", "Undo a wrong link of a referral's subject to the history of someone referred "
                        + "from another address (audited, with the reason).")
                .scope("referrals.subject", "The victims service's claim check: a routed victim's personal details.")
                .scope("referrals.inbox", "A partner team that delivers a pathway (youth prevention, substance misuse, an ASB case, "
                        + "troubled families): its inbox of referrals routed there, and its answer to each.")
                .scope("subjects.erase", "The data protection officer: erase a subject (UK GDPR Art. 17).")
                .problems("GET /api/referrals", 422)
                .problems("POST /api/referrals/batch", 422)
                .problems("GET /api/referrals/{id}", 404)
                .problems("GET /api/referrals/{id}/timeline", 404)
                .problems("GET /api/referrals/{id}/safeguarding", 404)
                .problems("GET /api/referrals/{id}/subject", 404, 410)
                .problems("POST /api/referrals/{id}/subject-link/undo", 404, 409, 422)
                .response("POST /api/referrals/{id}/subject-link/undo", 200, ReferralController.SubjectLinkUndone.class,
                        "The link is undone: the referral's subject (and any other referral under the same details) has a "
                                + "history of its own, never joined to that one again.")
                .required("SubjectLinkUndoRequest", "reason")
                .problems("GET /api/inbox", 422)
                .problems("POST /api/inbox/{referralId}/pathways/{pathway}/acceptance", 404, 409, 422)
                .problems("POST /api/inbox/{referralId}/pathways/{pathway}/decline", 404, 409, 422)
                .problems("POST /api/inbox/{referralId}/pathways/{pathway}/closure", 404, 409, 422)
                .response("POST /api/inbox/{referralId}/pathways/{pathway}/acceptance", 200, InboxItemView.class,
                        "Accepted (or already accepted): the triage clock is met and ReferralAccepted follows.")
                .response("POST /api/inbox/{referralId}/pathways/{pathway}/decline", 200, InboxItemView.class,
                        "Declined with the reason (or already declined): the triage clock is met and ReferralDeclined follows.")
                .response("POST /api/inbox/{referralId}/pathways/{pathway}/closure", 200, InboxItemView.class,
                        "Closed with the outcome (or already closed): ReferralClosed follows.")
                .required("DeclineRequest", "reason")
                .required("ClosureRequest", "outcome")
                .allowed("DeclineRequest", "reason", DeclineReason.codes())
                .allowed("ClosureRequest", "outcome", CloseOutcome.codes())
                .response("GET /api/referrals/{id}", 200, ReferralView.class)
                .response("GET /api/referrals/{id}/timeline", 200, org.saferkent.referrals.referral.domain.TimelineEntry[].class)
                .response("GET /api/referrals/{id}/safeguarding", 200, SafeguardingView.class)
                .response("GET /api/referrals/{id}/subject", 200, PersonalDetails.class)
                .response("POST /api/referrals", 201, ReferralView.class, "The new referral, triaged and routed.")
                .response("POST /api/referrals", 200, ReferralView.class,
                        "The agency reference was seen before: the original referral (nothing is created twice).")
                .response("POST /api/data-protection/erasures", 202, "ErasureView",
                        "The subject's data keys are destroyed and SubjectErased is published; the record and the audit "
                                + "trail name who erased (from the token) and the request's reference.")
                .required("ErasureRequest", "requestReference")
                .required("ReferralRequest", "district", "category", "subject", "consent")
                .required("SubjectRequest", "role", "name", "dateOfBirth")
                .allowed("ReferralRequest", "district", Arrays.stream(District.values()).map(District::code).toList())
                .allowed("ReferralRequest", "pathways", Arrays.stream(Pathway.values()).map(Pathway::code).toList())
                .allowed("ReferralRequest", "pathway", Arrays.stream(Pathway.values()).map(Pathway::code).toList())
                .allowed("SubjectRequest", "role", Arrays.stream(SubjectRole.values()).map(SubjectRole::code).toList())
                .requestExample("POST /api/referrals", EXAMPLE_REFERRAL)
                .build();
    }
}
