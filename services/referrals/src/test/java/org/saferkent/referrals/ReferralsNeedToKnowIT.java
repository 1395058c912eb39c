package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Need to know, through real HTTP with real tokens: an agency learns from its own answers only facts about
 * its own referral. Whether another agency referred the same person (the link, its reason) and the MARAC
 * reasons drawn from the person's history go only to the safeguarding scope, and each such read is on the
 * audit trail under the reader's name.
 */
// Same properties as ReferralApiIT, ReferralTriageIT and ReferralsSecurityIT, so they share one context.
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = {"spring.config.name=referrals", "saferkent.referrals.batch-max-size=5",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.limit=7",
                "saferkent.security.rate-limit.clients.agency-tonbridge-malling-bc.period=1h"})
@WithRealInfrastructure
class ReferralsNeedToKnowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId KENT = ZoneId.of("Europe/London");

    @Value("${local.server.port}")
    private int port;

    private SecuredApi api;

    @BeforeEach
    void api() {
        api = SecuredApi.at(port);
    }

    @Test
    void aSecondAgencyPostingADuplicateLearnsNothingOfTheFirstAgencysReferral() throws Exception {
        String name = "Nia Probe" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String crimeReference = "46/" + UUID.randomUUID().toString().substring(0, 8) + "/26";
        JsonNode first = created("kent-police", domesticAbuse(name, crimeReference, 16));
        String firstId = first.path("id").asString();
        // the first agency's own high DASH score is its own fact: it sees its MARAC referral
        assertThat(first.path("triage").path("marac").asBoolean()).as(first.toString()).isTrue();
        assertThat(strings(first.path("triage").path("maracReasons"))).containsExactly("high_risk");

        // a second agency guessing the same name, date of birth and postcode, and the crime reference
        HttpResponse<String> posted = api.asAgency("kcc-families-social-care")
                .post("/api/referrals", JSON.writeValueAsString(domesticAbuse(name, crimeReference, 2)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode second = JSON.readTree(posted.body());
        String secondId = second.path("id").asString();

        assertOwnFactsOnly(second, firstId);
        HttpResponse<String> read = api.asAgency("kcc-families-social-care").get("/api/referrals/" + secondId);
        assertThat(read.statusCode()).isEqualTo(200);
        assertOwnFactsOnly(JSON.readTree(read.body()), firstId);
        HttpResponse<String> timeline = api.asAgency("kcc-families-social-care").get("/api/referrals/" + secondId + "/timeline");
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).doesNotContain(firstId).doesNotContain("duplicate").doesNotContain("MARAC");
        assertThat(JSON.readTree(timeline.body()).valueStream().map(e -> e.path("what").asString())).doesNotContain("linked");
        HttpResponse<String> list = api.asAgency("kcc-families-social-care").get("/api/referrals?size=200");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(firstId).doesNotContain("linkedTo").doesNotContain("linkReason")
                .doesNotContain("repeat");
        // a replay of the same agency reference answers the same way
        HttpResponse<String> replay = api.asAgency("kcc-families-social-care")
                .post("/api/referrals", JSON.writeValueAsString(withReference(domesticAbuse(name, crimeReference, 2),
                        second.path("agencyReference").asString())));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertOwnFactsOnly(JSON.readTree(replay.body()), firstId);
    }

    @Test
    void theSafeguardingScopeSeesTheLinkAndTheMaracHistoryAndEachReadIsAuditedByName() throws Exception {
        String name = "Ola Linked" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String crimeReference = "46/" + UUID.randomUUID().toString().substring(0, 8) + "/26";
        String firstId = created("kent-police", domesticAbuse(name, crimeReference, 16)).path("id").asString();
        String secondId = created("kcc-families-social-care", domesticAbuse(name, crimeReference, 2)).path("id").asString();

        HttpResponse<String> read = api.as(Tokens.SAFEGUARDING_CLIENT).forPurpose("marac-preparation")
                .get("/api/referrals/" + secondId + "/safeguarding");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(read.body());
        assertThat(view.path("linkedTo").asString()).isEqualTo(firstId);
        assertThat(view.path("linkReason").asString()).isEqualTo("same-crime-reference");
        assertThat(view.path("triage").path("marac").asBoolean()).isTrue();
        assertThat(strings(view.path("triage").path("maracReasons"))).containsExactly("repeat");
        assertThat(view.path("timeline").valueStream().map(e -> e.path("what").asString())).contains("linked");
        assertThat(read.body()).doesNotContain(name);
        // victim services are entitled too
        assertThat(api.as("victims-caseworker").get("/api/referrals/" + secondId + "/safeguarding").statusCode()).isEqualTo(200);

        JsonNode trail = JSON.readTree(api.as("auditor").get("/api/audit?recordId=" + secondId).body());
        assertThat(trail.valueStream().map(e -> e.path("clientId").asString() + " " + e.path("subject").asString() + " "
                + e.path("action").asString() + " " + e.path("resource").asString() + " " + e.path("purpose").asString()
                + " " + e.path("outcome").asString()))
                .contains(Tokens.SAFEGUARDING_CLIENT + " " + Tokens.SAFEGUARDING_CLIENT
                        + " read-personal-data referral-safeguarding marac-preparation allowed",
                        "victims-caseworker victims-caseworker read-personal-data referral-safeguarding safeguarding allowed");
    }

    @Test
    void noAgencyNorAnyoneElseWithoutTheScopeReadsTheSafeguardingView() throws Exception {
        String name = "Pip Guarded" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String crimeReference = "46/" + UUID.randomUUID().toString().substring(0, 8) + "/26";
        String firstId = created("kent-police", domesticAbuse(name, crimeReference, 16)).path("id").asString();
        String secondId = created("kcc-families-social-care", domesticAbuse(name, crimeReference, 2)).path("id").asString();

        for (String agency : List.of("kent-police", "kcc-families-social-care")) {
            for (String id : List.of(firstId, secondId)) {
                HttpResponse<String> refused = api.asAgency(agency).get("/api/referrals/" + id + "/safeguarding");
                ReferralsSecurityIT.assertForbidden(refused, agency);
                assertThat(refused.body()).doesNotContain(firstId).doesNotContain(secondId.equals(id) ? firstId : secondId);
            }
        }
        for (String client : List.of("ops", "auditor", "dpo", "svc-victims")) {
            ReferralsSecurityIT.assertForbidden(api.as(client).get("/api/referrals/" + secondId + "/safeguarding"), client);
        }
        // tokens meant for other services are not even taken for referrals
        for (String client : List.of("rj-practitioner", "pcc-office")) {
            ReferralsSecurityIT.assertUnauthorized(api.as(client).get("/api/referrals/" + secondId + "/safeguarding"));
        }
        JsonNode denials = JSON.readTree(api.as("auditor").get("/api/audit?outcome=denied&clientId=agency-kent-police&limit=1000").body());
        assertThat(denials.valueStream().map(e -> e.path("resource").asString()))
                .contains("GET /api/referrals/" + secondId + "/safeguarding");
    }

    @Test
    void maracReasonsDrawnFromThePersonsHistoryAreNotInTheAgencysAnswer() throws Exception {
        String name = "Quin Escalated" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        LocalDate today = LocalDate.now(KENT);
        created("kent-police", incident(name, today.minusDays(90)));
        created("kcc-families-social-care", incident(name, today.minusDays(60)));

        JsonNode third = created("probation-kent", incident(name, today.minusDays(30)));

        assertThat(third.path("triage").path("riskLevel").asString()).isEqualTo("standard");
        assertThat(third.path("triage").path("marac").asBoolean()).as(third.toString()).isFalse();
        assertThat(third.path("triage").path("maracReasons")).isEmpty();
        JsonNode safeguarding = JSON.readTree(api.as(Tokens.SAFEGUARDING_CLIENT)
                .get("/api/referrals/" + third.path("id").asString() + "/safeguarding").body());
        assertThat(strings(safeguarding.path("triage").path("maracReasons"))).containsExactly("escalation");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertOwnFactsOnly(JsonNode referral, String otherAgencysReferral) {
        assertThat(referral.has("linkedTo")).as(referral.toString()).isFalse();
        assertThat(referral.has("linkReason")).as(referral.toString()).isFalse();
        assertThat(referral.toString()).doesNotContain(otherAgencysReferral).doesNotContain("repeat")
                .doesNotContain("same-crime-reference");
        assertThat(referral.path("agency").asString()).isEqualTo("kcc-families-social-care");
        assertThat(referral.path("triage").path("riskLevel").asString()).isEqualTo("standard");
        assertThat(referral.path("triage").path("marac").asBoolean()).isFalse();
        assertThat(referral.path("triage").path("maracReasons")).isEmpty();
    }

    private JsonNode created(String agency, Map<String, Object> referral) throws Exception {
        HttpResponse<String> response = api.asAgency(agency).post("/api/referrals", JSON.writeValueAsString(referral));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static Map<String, Object> withReference(Map<String, Object> referral, String reference) {
        referral.put("agencyReference", reference);
        return referral;
    }

    private static Map<String, Object> incident(String name, LocalDate date) {
        Map<String, Object> referral = domesticAbuse(name, "46/" + UUID.randomUUID().toString().substring(0, 8) + "/26", 3);
        referral.put("incidentDate", date.toString());
        return referral;
    }

    private static Map<String, Object> domesticAbuse(String name, String crimeReference, int yesAnswers) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agencyReference", "NTK-" + UUID.randomUUID());
        fields.put("district", "thanet");
        fields.put("category", "domestic-abuse");
        fields.put("crimeReference", crimeReference);
        fields.put("incidentDate", LocalDate.now(KENT).toString());
        fields.put("subject", Map.of("role", "victim", "name", name, "dateOfBirth", "1986-07-09", "postcode", "CT9 1XX"));
        fields.put("consent", Map.of("given", true, "recordedOn", "2026-11-01", "recordedBy", "PC 7"));
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            answers.add(i < yesAnswers);
        }
        fields.put("dash", Map.of("checklist", "police", "answers", answers));
        return fields;
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
