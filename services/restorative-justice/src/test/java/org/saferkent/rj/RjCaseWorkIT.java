package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.Bus.CASE_EVENTS;
import static org.saferkent.rj.Bus.REFERRAL_EVENTS;
import static org.saferkent.rj.Bus.keyed;
import static org.saferkent.rj.Bus.ofType;
import static org.saferkent.rj.Bus.payload;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * A facilitator's work on a case over real HTTP: consent, risk, approval, the conference, the outcome
 * and closure — announced on {@code rj.case.events} with the referral id that referrals and
 * commissioning read; refusals name the field or the rule and change nothing.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjCaseWorkIT {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    @Value("${local.server.port}")
    private int port;

    @Test
    void aCaseFromAReferralRunsToARestorativeCompletionAndAnnouncesItsOutcomeAndClosureWithTheReferralId() {
        String referralId = UUID.randomUUID().toString();
        TopicRecords.send(Bus.referralRouted(referralId, "restorative-justice", "burglary", List.of(), "victim",
                People.pseudonym()));
        Bus.awaitConsumed(REFERRAL_EVENTS);
        String caseId = api().getJson("/api/rj-cases?referralId=" + referralId).path("id").asString();
        String cases = "/api/rj-cases/" + caseId;

        JsonNode joined = api().postExpecting(201, cases + "/participants",
                Map.of("role", "offender", "pseudonym", People.pseudonym(), "age", 16));
        assertThat(joined.path("participants").valueStream().map(p -> p.path("id").asString())).containsExactly("p1", "p2");
        consent(cases, "p1");
        consent(cases, "p2");
        api().postExpecting(200, cases + "/risk-assessment", Map.of("level", "low", "assessedBy", "RJ facilitator 12"));
        api().postExpecting(200, cases + "/facilitator", Map.of("facilitator", "Kent RJ Hub facilitator 7"));
        api().postExpecting(200, cases + "/conference", Map.of("type", "direct-conference", "scheduledFor", TODAY));
        api().postExpecting(200, cases + "/conference/held", Map.of("heldOn", TODAY));
        JsonNode closed = api().postExpecting(200, cases + "/outcome", outcome(true));

        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").path("reason").asString()).isEqualTo("completed");
        assertThat(closed.path("outcome").path("restorative").asBoolean()).isTrue();

        JsonNode outcome = payload(Bus.await(CASE_EVENTS, ofType("rj.RjOutcomeRecorded.v1").and(keyed(caseId))));
        assertThat(outcome.path("referralId").asString()).isEqualTo(referralId);
        assertThat(outcome.path("restorative").asBoolean()).isTrue();
        assertThat(outcome.path("result").asString()).isEqualTo("completed");
        assertThat(outcome.path("victimSatisfaction").asInt()).isEqualTo(5);
        assertThat(outcome.path("wouldRecommend").asBoolean()).isTrue();
        assertThat(outcome.toString()).doesNotContain("garden wall");
        JsonNode closure = payload(Bus.await(CASE_EVENTS, ofType("rj.RjCaseClosed.v1").and(keyed(caseId))));
        assertThat(closure.path("caseId").asString()).isEqualTo(caseId);
        assertThat(closure.path("referralId").asString()).isEqualTo(referralId);
        assertThat(closure.path("reason").asString()).isEqualTo("completed");
        assertThat(closure.path("outcome").asString()).isEqualTo("completed");
        assertThat(closure.path("district").asString()).isEqualTo("canterbury");
        assertThat(Bus.types(Bus.matching(CASE_EVENTS, keyed(caseId)))).containsExactly("rj.RjCaseOpened.v1",
                "rj.RjConsentRecorded.v1", "rj.RjConsentRecorded.v1", "rj.RjRiskAssessed.v1", "rj.RjConferenceHeld.v1",
                "rj.RjOutcomeRecorded.v1", "rj.RjCaseClosed.v1");
        ConsumerRecord<String, byte[]> held = Bus.await(CASE_EVENTS, ofType("rj.RjConferenceHeld.v1").and(keyed(caseId)));
        assertThat(payload(held).path("directContact").asBoolean()).isTrue();
        assertThat(TopicRecords.header(held, "ce_source")).isEqualTo("/saferkent/restorative-justice");
    }

    @Test
    void aDirectConferenceInADomesticAbuseCaseIsRefusedNamingTheRuleUntilAManagerApproves() {
        String cases = "/api/rj-cases/" + readyToMeet("domestic-abuse");

        JsonNode refused = RjApi.problem(api().post(cases + "/conference",
                Map.of("type", "direct-conference", "scheduledFor", TODAY)), 409);

        assertThat(refused.path("rule").asString()).isEqualTo("manager-approval-before-direct-contact");
        assertThat(refused.path("detail").asString()).contains("domestic-abuse").contains("manager's approval");
        assertThat(RjApi.errorFields(refused)).containsExactly("type");
        assertThat(api().getJson(cases).path("conference").isNull()).isTrue();

        RjApi.problem(api().post(cases + "/manager-approval", Map.of()), 403); // a practitioner does not approve
        JsonNode approved = api().as(RjApi.MANAGER).postExpecting(200, cases + "/manager-approval", Map.of());
        assertThat(approved.path("managerApproval").path("approvedBy").asString()).isEqualTo(RjApi.MANAGER);
        JsonNode scheduled = api().postExpecting(200, cases + "/conference",
                Map.of("type", "direct-conference", "scheduledFor", TODAY));
        assertThat(scheduled.path("conference").path("type").asString()).isEqualTo("direct-conference");
    }

    @Test
    void theOnlyOffenderWithdrawingClosesTheCaseAsConsentWithdrawnAndItCannotBeCompletedAfterwards() {
        String caseId = readyToMeet("criminal-damage-arson");
        String cases = "/api/rj-cases/" + caseId;

        JsonNode closed = api().postExpecting(200, cases + "/participants/p1/consent-withdrawal", Map.of());

        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").path("reason").asString()).isEqualTo("consent-withdrawn");
        assertThat(closed.path("participants").get(0).path("status").asString()).isEqualTo("withdrawn");
        JsonNode withdrawn = payload(Bus.await(CASE_EVENTS, ofType("rj.RjConsentWithdrawn.v1").and(keyed(caseId))));
        assertThat(withdrawn.path("caseContinues").asBoolean()).isFalse();
        assertThat(withdrawn.path("role").asString()).isEqualTo("offender");
        JsonNode closure = payload(Bus.await(CASE_EVENTS, ofType("rj.RjCaseClosed.v1").and(keyed(caseId))));
        assertThat(closure.path("reason").asString()).isEqualTo("consent-withdrawn");
        assertThat(closure.path("restorative").asBoolean()).isFalse();

        JsonNode refused = RjApi.problem(api().post(cases + "/conference",
                Map.of("type", "indirect", "scheduledFor", TODAY)), 409);
        assertThat(refused.path("rule").asString()).isEqualTo("case-open");
    }

    @Test
    void badInputOnCaseWorkIsAProblemNamingEveryFieldAndChangesNothing() {
        String caseId = readyToMeet("burglary");
        String cases = "/api/rj-cases/" + caseId;
        JsonNode before = api().getJson(cases);

        assertThat(RjApi.errorFields(RjApi.problem(api().post(cases + "/participants",
                Map.of("role", "bystander", "pseudonym", "Jane Doe", "age", -1)), 422)))
                .containsExactlyInAnyOrder("role", "pseudonym", "age");
        assertThat(RjApi.errorFields(RjApi.problem(api().post(cases + "/participants/p1/consent",
                Map.of("written", false, "informed", true, "recordedOn", "2999-01-01")), 422)))
                .containsExactlyInAnyOrder("written", "recordedOn");
        // the assessor is the caller (the token's name), so only the level is required
        assertThat(RjApi.errorFields(RjApi.problem(api().post(cases + "/risk-assessment", Map.of("level", "extreme")), 422)))
                .containsExactly("level");
        assertThat(RjApi.errorFields(RjApi.problem(api().post(cases + "/outcome",
                Map.of("acpo", Map.of("offenderTakesResponsibility", true), "agreement", Map.of("reparationType", "community"),
                        "result", "partly", "victimSatisfaction", 9)), 422)))
                .containsExactlyInAnyOrder("acpo.victimOrAffectedPartyInvolved", "acpo.structuredProcess", "acpo.reparation",
                        "agreement.apology", "agreement.reparationHours", "result", "victimSatisfaction");
        assertThat(RjApi.errorFields(RjApi.problem(api().post(cases + "/closure", Map.of("reason", "bored", "detail", "Jane Doe")),
                422))).containsExactlyInAnyOrder("reason", "detail");
        assertThat(RjApi.problem(api().post(cases + "/participants/p9/consent",
                Map.of("written", true, "informed", true, "recordedOn", TODAY)), 409).path("rule").asString())
                .isEqualTo("participant-known");
        assertThat(RjApi.problem(api().post("/api/rj-cases/rj-nobody/risk-assessment",
                Map.of("level", "low", "assessedBy", "RJ facilitator 12")), 404).path("title").asString())
                .isEqualTo("Restorative justice case not found");

        assertThat(api().getJson(cases)).isEqualTo(before);
    }

    /** A YOS case (offender p1) with a consenting victim (p2), risk assessed low and a facilitator. */
    private String readyToMeet(String category) {
        Map<String, Object> referral = new java.util.HashMap<>(RjCaseOpeningIT.yosReferral("YOS/" + UUID.randomUUID(),
                People.pseudonym()));
        referral.put("offenceCategory", category);
        String caseId = api().postExpecting(201, "/api/rj-cases", referral).path("id").asString();
        String cases = "/api/rj-cases/" + caseId;
        api().postExpecting(201, cases + "/participants", Map.of("role", "victim", "pseudonym", People.pseudonym(), "age", 41));
        consent(cases, "p1");
        consent(cases, "p2");
        api().postExpecting(200, cases + "/risk-assessment", Map.of("level", "low", "assessedBy", "RJ facilitator 12"));
        api().postExpecting(200, cases + "/facilitator", Map.of("facilitator", "Kent RJ Hub facilitator 7"));
        return caseId;
    }

    private void consent(String cases, String participantId) {
        JsonNode rjCase = api().postExpecting(200, cases + "/participants/" + participantId + "/consent",
                Map.of("written", true, "informed", true, "recordedOn", TODAY));
        assertThat(rjCase.path("participants").valueStream().filter(p -> p.path("id").asString().equals(participantId))
                .map(p -> p.path("status").asString())).containsExactly("consented");
    }

    private static Map<String, Object> outcome(boolean restorative) {
        return Map.of(
                "acpo", Map.of("offenderTakesResponsibility", true, "victimOrAffectedPartyInvolved", true,
                        "structuredProcess", true, "reparation", restorative),
                "agreement", Map.of("apology", true, "reparationType", "direct", "reparationHours", 6,
                        "otherTerms", "Rebuild the garden wall"),
                "result", "completed", "victimSatisfaction", 5, "wouldRecommend", true);
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
