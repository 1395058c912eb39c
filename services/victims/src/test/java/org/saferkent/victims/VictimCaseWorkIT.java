package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/** Case workers' work on a case over real HTTP: each step stored once and announced once, closure ends it. */
class VictimCaseWorkIT extends VictimsIntegrationTest {

    @Test
    void aCaseWorkedFromFirstContactToClosureAnnouncesEachStepInOrder() throws Exception {
        String caseId = openCase(Map.of("flags", List.of("hate-crime")));
        String base = "/api/victim-cases/" + caseId;
        String reviewOn = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(14).toString();

        assertThat(post(base + "/contacts", """
                {"channel":"phone","outcome":"no-answer"}""").statusCode()).isEqualTo(200);
        HttpResponse<String> contacted = post(base + "/contacts", """
                {"channel":"visit","outcome":"made"}""");
        assertThat(contacted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(contacted.body()).path("duties").get(0).path("state").asString()).isEqualTo("met");
        HttpResponse<String> assessed = post(base + "/needs-assessments", """
                {"needs":{"mental-physical-health":"high","shelter-accommodation":"none","family-friends-children":"low",
                          "education-skills-employment":"none","drugs-alcohol":"none","finance-benefits":"none",
                          "outlook-attitudes":"medium","social-interaction":"none"}}""");
        assertThat(assessed.statusCode()).isEqualTo(200);
        assertThat(post(base + "/support-plan", """
                {"actions":["weekly call with a support worker","help with a repair to the front door"],"reviewOn":"%s"}"""
                .formatted(reviewOn)).statusCode()).isEqualTo(200);
        assertThat(post(base + "/rj-information-offered", "{}").statusCode()).isEqualTo(200);
        assertThat(post(base + "/provider-referrals", """
                {"provider":"Victim Support","service":"Hate crime advocacy"}""").statusCode()).isEqualTo(200);
        assertThat(post(base + "/restorative-justice-opt-in", null).statusCode()).isEqualTo(200);
        assertThat(post(base + "/outcomes", """
                {"needs":{"mental-physical-health":"improved","family-friends-children":"sustained","outlook-attitudes":"improved"},
                 "copeAndRecover":true}""").statusCode()).isEqualTo(200);
        HttpResponse<String> closed = post(base + "/closure", """
                {"reason":"completed"}""");

        assertThat(closed.statusCode()).isEqualTo(200);
        JsonNode finalCase = JSON.readTree(closed.body());
        assertThat(finalCase.path("status").asString()).isEqualTo("CLOSED");
        assertThat(finalCase.path("closure").path("outcome").asString()).isEqualTo("cope-and-recover");
        assertThat(finalCase.path("nextDueAt").isNull()).isTrue();
        awaitOutboxDrained(caseId);
        List<ConsumerRecord<String, byte[]>> events = caseEvents(caseId);
        assertThat(events).extracting(e -> TopicRecords.header(e, "ce_type")).containsExactly(
                "victims.VictimCaseOpened.v1",
                "victims.VictimContacted.v1",
                "victims.VictimContacted.v1",
                "victims.VictimNeedsAssessed.v1",
                "victims.VictimSupportPlanAgreed.v1",
                "victims.VictimRestorativeJusticeInformationOffered.v1",
                "victims.VictimReferredToProvider.v1",
                "victims.VictimOptedIntoRestorativeJustice.v1",
                "victims.VictimOutcomeRecorded.v1",
                "victims.VictimCaseClosed.v1");
        assertThat(events).extracting(e -> TopicRecords.header(e, "ce_aggregateversion"))
                .containsExactly("1", "3", "4", "5", "6", "7", "8", "9", "10", "11"); // 2: details settled, no event
        for (ConsumerRecord<String, byte[]> event : events) {
            JsonNode payload = payload(event);
            assertThat(payload.path("caseId").asString()).isEqualTo(caseId);
            assertThat(payload.path("referralId").asString()).isEqualTo(caseId.substring(3));
            assertThat(payload.path("district").asString()).isEqualTo("maidstone");
        }

        JsonNode madeContact = payload(events.get(2));
        assertThat(madeContact.path("firstContact").asBoolean()).isTrue();
        assertThat(madeContact.path("withinTimeLimit").asBoolean()).isTrue();
        JsonNode optedIn = payload(events.get(7));
        assertThat(optedIn.path("category").asString()).isEqualTo("violent-crime");
        assertThat(optedIn.path("subjectPseudonym").asString()).isEqualTo(PSEUDONYM);
        assertThat(optedIn.path("optedInAt").isMissingNode()).isFalse();
        JsonNode outcome = payload(events.get(8));
        assertThat(outcome.path("pathway").asString()).isEqualTo("victim-support");
        assertThat(outcome.path("copeAndRecover").asBoolean()).isTrue();
        assertThat(outcome.path("needs").propertyNames())
                .containsExactly("mental-physical-health", "family-friends-children", "outlook-attitudes");
        JsonNode closure = payload(events.get(9));
        assertThat(closure.path("pathway").asString()).isEqualTo("victim-support");
        assertThat(closure.path("reason").asString()).isEqualTo("completed");
        assertThat(closure.path("outcome").asString()).isEqualTo("cope-and-recover");
        assertThat(TopicRecords.value(events.get(4))).doesNotContain("front door");

        JsonNode timeline = JSON.readTree(get(base + "/timeline").body());
        assertThat(timeline.valueStream().map(entry -> entry.path("what").asString())).startsWith("opened").endsWith("closed")
                .contains("first contact made", "needs assessed", "support plan agreed", "opted into restorative justice");
    }

    @Test
    void aClosedCaseRefusesWorkWithAConflictAndChangesNothing() throws Exception {
        String caseId = openCase(Map.of());
        String base = "/api/victim-cases/" + caseId;
        assertThat(post(base + "/closure", """
                {"reason":"declined-support"}""").statusCode()).isEqualTo(200);
        awaitOutboxDrained(caseId);
        long version = readCase(caseId).path("version").asLong();
        int events = caseEvents(caseId).size();

        for (String[] work : new String[][] {
                {"/contacts", "{\"channel\":\"phone\",\"outcome\":\"made\"}"},
                {"/rj-information-offered", "{}"},
                {"/restorative-justice-opt-in", "{}"},
                {"/provider-referrals", "{\"provider\":\"Victim Support\",\"service\":\"emotional support\"}"},
                {"/closure", "{\"reason\":\"other\"}"}}) {
            HttpResponse<String> refused = post(base + work[0], work[1]);
            assertThat(refused.statusCode()).as(work[0]).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        }

        assertThat(readCase(caseId).path("version").asLong()).isEqualTo(version);
        assertThat(caseEvents(caseId)).hasSize(events);
        ConsumerRecord<String, byte[]> closure = TopicRecords.awaitRecord(TOPIC, ofType("victims.VictimCaseClosed.v1").and(keyed(caseId)));
        assertThat(payload(closure).path("reason").asString()).isEqualTo("declined-support");
        assertThat(payload(closure).path("outcome").isNull()).isTrue();
    }

    @Test
    void caseWorkersListCasesByStatusDistrictEntitlementAndDueDate() throws Exception {
        String enhanced = openCase(Map.of("district", "dover", "vulnerabilities", List.of("intimidated")));
        String standard = openCase(Map.of("district", "dover"));
        JsonNode enhancedCase = readCase(enhanced);

        JsonNode openEnhancedInDover = JSON.readTree(get("/api/victim-cases?status=open&district=dover&enhanced=true&size=200").body());
        JsonNode dueSoon = JSON.readTree(get("/api/victim-cases?district=dover&size=200&dueBefore="
                + instant(enhancedCase.path("firstContactDueAt")).plusSeconds(1)).body());

        assertThat(openEnhancedInDover.path("items").valueStream().map(c -> c.path("id").asString()))
                .contains(enhanced).doesNotContain(standard);
        assertThat(openEnhancedInDover.path("items").valueStream()).allSatisfy(c -> {
            assertThat(c.path("district").asString()).isEqualTo("dover");
            assertThat(c.path("status").asString()).isEqualTo("OPEN");
            assertThat(c.path("enhanced").asBoolean()).isTrue();
        });
        assertThat(openEnhancedInDover.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dueSoon.path("items").valueStream().map(c -> c.path("id").asString())).contains(enhanced).doesNotContain(standard);
    }

    @Test
    void anUnknownCaseIsNotFound() throws Exception {
        for (HttpResponse<String> response : List.of(
                get("/api/victim-cases/vc-nobody"),
                get("/api/victim-cases/vc-nobody/timeline"),
                get("/api/victim-cases/vc-nobody/details"),
                get("/api/victim-cases?referralId=nobody"),
                post("/api/victim-cases/vc-nobody/contacts", "{\"channel\":\"phone\",\"outcome\":\"made\"}"),
                post("/api/victim-cases/vc-nobody/restorative-justice-opt-in", "{}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        }
        assertThat(mongo.getCollection("victim_cases").countDocuments(new org.bson.Document("_id", "vc-nobody"))).isZero();
    }
}
