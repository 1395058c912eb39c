package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.rj.rjcase.application.RjCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * Safeguards that cannot be forged, through real HTTP with real tokens: a manager's approval of direct
 * contact needs the rj.approve scope, names the approver from the token (never the body) and is never the
 * risk assessor's own; a disposal is posted by Kent Police or the YOS as the agency its token speaks for.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjSafeguardsIT {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private RjCases rjCases;

    // ---------------------------------------------------------------- manager's approval

    @Test
    void aPractitionerWithoutTheApproveScopeCannotApproveDirectContactWhateverNameTheyType() {
        String cases = "/api/rj-cases/" + assessedBy(practitioner(), "domestic-abuse");

        HttpResponse<String> refused = practitioner().post(cases + "/manager-approval", Map.of("approvedBy", "RJ manager 3"));

        RjApi.problem(refused, 403);
        assertThat(practitioner().getJson(cases).path("managerApproval").isNull()).isTrue();
        RjApi.problem(practitioner().post(cases + "/conference", Map.of("type", "direct-conference", "scheduledFor", TODAY)), 409);
    }

    @Test
    void theApproverRecordedIsTheTokensNameAndABodyNamingSomeoneElseIsRefused() {
        String cases = "/api/rj-cases/" + assessedBy(practitioner(), "domestic-abuse");

        JsonNode forged = RjApi.problem(manager().post(cases + "/manager-approval", Map.of("approvedBy", "Chief Officer")), 422);
        assertThat(RjApi.errorFields(forged)).containsExactly("approvedBy");
        assertThat(practitioner().getJson(cases).path("managerApproval").isNull()).isTrue();

        JsonNode approved = manager().postExpecting(200, cases + "/manager-approval", Map.of());

        assertThat(approved.path("managerApproval").path("approvedBy").asString()).isEqualTo(RjApi.MANAGER);
        assertThat(approved.path("riskAssessment").path("assessedBy").asString()).isEqualTo(RjApi.PRACTITIONER);
        JsonNode scheduled = practitioner().postExpecting(200, cases + "/conference",
                Map.of("type", "direct-conference", "scheduledFor", TODAY));
        assertThat(scheduled.path("conference").path("type").asString()).isEqualTo("direct-conference");
    }

    @Test
    void theRiskAssessorIsTheTokensNameAndCannotApproveTheirOwnAssessment() {
        RjApi manager = manager();
        String caseId = caseReadyForRisk("domestic-abuse");
        String cases = "/api/rj-cases/" + caseId;
        // whatever name the body gives, the assessor is the caller
        JsonNode assessed = manager.postExpecting(200, cases + "/risk-assessment",
                Map.of("level", "low", "assessedBy", "Someone Else"));
        assertThat(assessed.path("riskAssessment").path("assessedBy").asString()).isEqualTo(RjApi.MANAGER);

        JsonNode refused = RjApi.problem(manager.post(cases + "/manager-approval", Map.of()), 409);

        assertThat(refused.path("rule").asString()).isEqualTo("approver-not-assessor");
        assertThat(RjApi.errorFields(refused)).containsExactly("approvedBy");
        assertThat(manager.getJson(cases).path("managerApproval").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- issue 17: sensitivity, dates, re-assessment

    @Test
    void aCaseAnOptInOpenedBeforeItsReferralIsKnownNeedsTheApprovalUntilTheReferralShowsItIsNotSensitive() {
        String referralId = UUID.randomUUID().toString();
        rjCases.victimOptedIn(UUID.randomUUID().toString(), "vc-" + referralId, referralId, "dover", "burglary", People.pseudonym());
        String cases = "/api/rj-cases/rj-referral-" + referralId;
        readyToMeet(cases);

        JsonNode pending = practitioner().getJson(cases);
        assertThat(pending.path("referralPending").asBoolean()).isTrue();
        assertThat(pending.path("managerApprovalRequired").asBoolean()).isTrue();
        JsonNode refused = RjApi.problem(practitioner().post(cases + "/conference",
                Map.of("type", "direct-conference", "scheduledFor", TODAY)), 409);
        assertThat(refused.path("rule").asString()).isEqualTo("manager-approval-before-direct-contact");
        assertThat(RjApi.errorFields(refused)).containsExactly("type");

        // its referral, routed to the victims service, was not sensitive
        rjCases.referralRouted(UUID.randomUUID().toString(), referralId, "dover", "burglary", List.of("hate-crime"),
                "victims", "victim", People.pseudonym());

        JsonNode known = practitioner().getJson(cases);
        assertThat(known.path("referralPending").asBoolean()).isFalse();
        assertThat(known.path("managerApprovalRequired").asBoolean()).isFalse();
        assertThat(known.path("participants")).hasSize(2); // the referral's subject joins only when it is referred to RJ
        practitioner().postExpecting(200, cases + "/conference", Map.of("type", "direct-conference", "scheduledFor", TODAY));
    }

    @Test
    void aReferralsSensitiveFlagReachesTheCaseItsVictimsOptInOpensLater() {
        String referralId = UUID.randomUUID().toString();
        rjCases.referralRouted(UUID.randomUUID().toString(), referralId, "dover", "violent-crime", List.of("stalking"),
                "victims", "victim", People.pseudonym());
        rjCases.victimOptedIn(UUID.randomUUID().toString(), "vc-" + referralId, referralId, "dover", "violent-crime",
                People.pseudonym());
        String cases = "/api/rj-cases/rj-referral-" + referralId;
        readyToMeet(cases);

        JsonNode opened = practitioner().getJson(cases);
        assertThat(opened.path("referralPending").asBoolean()).isFalse();
        assertThat(opened.path("sensitive").asBoolean()).isTrue();
        assertThat(opened.path("sensitivities").valueStream().map(JsonNode::asString)).containsExactly("stalking");
        JsonNode refused = RjApi.problem(practitioner().post(cases + "/conference",
                Map.of("type", "direct-conference", "scheduledFor", TODAY)), 409);
        assertThat(refused.path("rule").asString()).isEqualTo("manager-approval-before-direct-contact");
        assertThat(refused.path("detail").asString()).contains("stalking");
    }

    @Test
    void aConferenceDatedBeforeTheRiskAssessmentIsRefusedNamingHeldOn() {
        String cases = "/api/rj-cases/" + assessedBy(practitioner(), "burglary");
        practitioner().postExpecting(200, cases + "/conference", Map.of("type", "indirect", "scheduledFor", TODAY));
        String yesterday = LocalDate.parse(TODAY).minusDays(1).toString();

        JsonNode refused = RjApi.problem(practitioner().post(cases + "/conference/held", Map.of("heldOn", yesterday)), 409);

        assertThat(refused.path("rule").asString()).isEqualTo("conference-after-risk-assessment");
        assertThat(RjApi.errorFields(refused)).containsExactly("heldOn");
        assertThat(practitioner().getJson(cases).path("conference").path("heldOn").isNull()).isTrue();
        assertThat(practitioner().postExpecting(200, cases + "/conference/held", Map.of("heldOn", TODAY))
                .path("conference").path("heldOn").asString()).isEqualTo(TODAY);
    }

    @Test
    void aReassessmentAtAHigherRiskWithdrawsTheManagersApprovalAndTheCaseSaysSo() {
        String cases = "/api/rj-cases/" + assessedBy(practitioner(), "domestic-abuse");
        JsonNode approved = manager().postExpecting(200, cases + "/manager-approval", Map.of());
        assertThat(approved.path("managerApproval").path("riskLevel").asString()).isEqualTo("low");

        JsonNode reassessed = practitioner().postExpecting(200, cases + "/risk-assessment", Map.of("level", "high"));

        assertThat(reassessed.path("managerApproval").isNull()).isTrue();
        assertThat(reassessed.path("timeline").valueStream().map(e -> e.path("what").asString()))
                .contains("manager approval withdrawn");
        JsonNode refused = RjApi.problem(practitioner().post(cases + "/conference",
                Map.of("type", "direct-conference", "scheduledFor", TODAY)), 409);
        assertThat(refused.path("rule").asString()).isEqualTo("manager-approval-before-direct-contact");
        assertThat(manager().postExpecting(200, cases + "/manager-approval", Map.of()).path("managerApproval")
                .path("riskLevel").asString()).isEqualTo("high");
    }

    // ---------------------------------------------------------------- disposals

    @Test
    void aDisposalsAgencyIsTheTokensAndABodyNamingAnotherIsRefused() {
        Map<String, Object> disposal = disposal(People.pseudonym());
        disposal.remove("agency");

        JsonNode recorded = new RjApi(port).as("agency-kcc-youth-offending-service").postExpecting(201, "/api/disposals", disposal);
        assertThat(recorded.path("agency").asString()).isEqualTo("kcc-youth-offending-service");

        Map<String, Object> impostor = disposal(People.pseudonym());
        impostor.put("agency", "kent-police");
        JsonNode refused = RjApi.problem(new RjApi(port).as("agency-kcc-youth-offending-service")
                .post("/api/disposals", impostor), 422);
        assertThat(RjApi.errorFields(refused)).containsExactly("agency");
        assertThat(practitioner().getJson("/api/disposals?personPseudonym=" + impostor.get("personPseudonym"))).isEmpty();

        Map<String, Object> named = disposal(People.pseudonym());
        named.put("agency", "kent-police");
        assertThat(new RjApi(port).as("agency-kent-police").postExpecting(201, "/api/disposals", named).path("agency").asString())
                .isEqualTo("kent-police");
    }

    @Test
    void onlyTheAgenciesThatPostDisposalsPostThem() {
        for (String client : new String[] {RjApi.PRACTITIONER, RjApi.MANAGER}) {
            RjApi.problem(new RjApi(port).as(client).post("/api/disposals", disposal(People.pseudonym())), 403);
        }
        // other agencies' tokens are for referrals only: not taken here at all
        for (String client : new String[] {"agency-maidstone-bc", "agency-kent-fire-rescue"}) {
            RjApi.problem(new RjApi(port).as(client).post("/api/disposals", disposal(People.pseudonym())), 401);
        }
    }

    // ---------------------------------------------------------------- helpers

    private String caseReadyForRisk(String category) {
        Map<String, Object> referral = new HashMap<>(RjCaseOpeningIT.yosReferral("YOS/" + UUID.randomUUID(), People.pseudonym()));
        referral.put("offenceCategory", category);
        String caseId = practitioner().postExpecting(201, "/api/rj-cases", referral).path("id").asString();
        String cases = "/api/rj-cases/" + caseId;
        practitioner().postExpecting(201, cases + "/participants", Map.of("role", "victim", "pseudonym", People.pseudonym(), "age", 41));
        for (String participant : new String[] {"p1", "p2"}) {
            practitioner().postExpecting(200, cases + "/participants/" + participant + "/consent",
                    Map.of("written", true, "informed", true, "recordedOn", TODAY));
        }
        practitioner().postExpecting(200, cases + "/facilitator", Map.of("facilitator", "Kent RJ Hub facilitator 7"));
        return caseId;
    }

    /** A victim (the opt-in's) and an offender, both consenting, risk assessed low, a facilitator. */
    private void readyToMeet(String cases) {
        practitioner().postExpecting(201, cases + "/participants", Map.of("role", "offender", "pseudonym", People.pseudonym(), "age", 17));
        for (String participant : new String[] {"p1", "p2"}) {
            practitioner().postExpecting(200, cases + "/participants/" + participant + "/consent",
                    Map.of("written", true, "informed", true, "recordedOn", TODAY));
        }
        practitioner().postExpecting(200, cases + "/facilitator", Map.of("facilitator", "Kent RJ Hub facilitator 7"));
        practitioner().postExpecting(200, cases + "/risk-assessment", Map.of("level", "low"));
    }

    private String assessedBy(RjApi assessor, String category) {
        String caseId = caseReadyForRisk(category);
        assessor.postExpecting(200, "/api/rj-cases/" + caseId + "/risk-assessment", Map.of("level", "low"));
        return caseId;
    }

    private static Map<String, Object> disposal(String person) {
        return new HashMap<>(Map.of("personPseudonym", person, "ageAtOffence", 15, "offenceCategory", "shoplifting",
                "offenceDate", "2026-08-01", "disposalType", "youth-caution", "disposalDate", "2026-08-12", "district", "thanet",
                "agency", "kcc-youth-offending-service"));
    }

    private RjApi practitioner() {
        return new RjApi(port);
    }

    private RjApi manager() {
        return new RjApi(port).as(RjApi.MANAGER);
    }
}
