package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Victim cases open from {@code referrals.ReferralRouted.v1} exactly once per referral, and
 * duplicates ({@code referrals.ReferralLinked.v1}) join the case, over the real broker and store.
 */
class VictimCaseOpeningIT extends VictimsIntegrationTest {

    private static final String OPENED = "victims.VictimCaseOpened.v1";

    @Autowired
    private WorkingDayCalendar calendar;

    @Test
    void aReferralRoutedToVictimsOpensExactlyOneCaseHoweverOftenItIsDeliveredAndWhateverItsVictimsPathways() throws Exception {
        String referralId = newReferralId();
        String caseId = "vc-" + referralId;
        String eventId = UUID.randomUUID().toString();

        route(referralId, "victim-support", Map.of(), eventId);
        route(referralId, "victim-support", Map.of(), eventId); // redelivered
        route(referralId, "domestic-abuse", Map.of());          // the same referral's other victims pathway

        JsonNode victimCase = awaitCase(caseId, c -> c.path("pathways").size() == 2);
        assertThat(victimCase.path("pathway").asString()).isEqualTo("victim-support");
        assertThat(victimCase.path("pathways").valueStream().map(JsonNode::asString))
                .containsExactly("victim-support", "domestic-abuse");
        TopicRecords.awaitRecord(TOPIC, ofType(OPENED).and(keyed(caseId)));
        awaitOutboxDrained(caseId);
        assertThat(TopicRecords.matching(TOPIC, keyed(caseId))).singleElement()
                .satisfies(record -> assertThat(TopicRecords.header(record, "ce_type")).isEqualTo(OPENED));
        assertThat(mongo.getCollection("victim_cases").countDocuments(new Document("referralId", referralId))).isEqualTo(1);
    }

    @Test
    void aNewCaseIsFoundByItsReferralOpenInItsDistrictAndAnnouncedWithoutPersonalData() throws Exception {
        String referralId = newReferralId();
        route(referralId, "victim-support", Map.of("district", "thanet", "category", "burglary"));

        JsonNode byReferral = awaitJson("/api/victim-cases?referralId=" + referralId);

        assertThat(byReferral.path("id").asString()).isEqualTo("vc-" + referralId);
        assertThat(byReferral.path("district").asString()).isEqualTo("thanet");
        assertThat(byReferral.path("status").asString()).isEqualTo("OPEN");
        assertThat(byReferral.path("enhanced").asBoolean()).isFalse();
        ConsumerRecord<String, byte[]> opened = TopicRecords.awaitRecord(TOPIC, ofType(OPENED).and(keyed("vc-" + referralId)));
        JsonNode payload = payload(opened);
        Instant openedAt = instant(payload.path("openedAt"));
        assertThat(payload.path("caseId").asString()).isEqualTo("vc-" + referralId);
        assertThat(payload.path("referralId").asString()).isEqualTo(referralId);
        assertThat(payload.path("district").asString()).isEqualTo("thanet");
        assertThat(payload.path("category").asString()).isEqualTo("burglary");
        assertThat(payload.path("pathway").asString()).isEqualTo("victim-support");
        assertThat(payload.path("enhanced").asBoolean()).isFalse();
        assertThat(payload.path("enhancedReasons").isEmpty()).isTrue();
        assertThat(instant(payload.path("firstContactDueAt"))).isEqualTo(calendar.deadline(openedAt, 5));
        assertThat(TopicRecords.header(opened, "ce_source")).isEqualTo("/saferkent/victims");
        assertThat(TopicRecords.header(opened, "ce_subject")).isEqualTo("vc-" + referralId);
        assertThat(payload.propertyNames()).doesNotContain("subjectPseudonym", "name", "dateOfBirth", "postcode");
    }

    @Test
    void anEnhancedVictimIsToBeContactedWithinOneWorkingDayAndTheReasonsAreRecorded() {
        String referralId = newReferralId();
        route(referralId, "domestic-abuse", Map.of("flags", List.of("domestic-abuse"), "ageBand", "10-17"));

        ConsumerRecord<String, byte[]> opened = TopicRecords.awaitRecord(TOPIC, ofType(OPENED).and(keyed("vc-" + referralId)));

        JsonNode payload = payload(opened);
        assertThat(payload.path("enhanced").asBoolean()).isTrue();
        assertThat(payload.path("enhancedReasons").valueStream().map(JsonNode::asString))
                .containsExactly("most-serious-crime:domestic-abuse", "vulnerable:under-18");
        assertThat(instant(payload.path("firstContactDueAt"))).isEqualTo(calendar.deadline(instant(payload.path("openedAt")), 1));
    }

    @Test
    void aReferralRoutedOnlyElsewhereOpensNoCase() {
        String referralId = newReferralId();
        route(referralId, "restorative-justice", Map.of());
        route(referralId, "victim-support", Map.of()); // same key: handled after the first

        JsonNode victimCase = awaitCase("vc-" + referralId, c -> true);

        assertThat(victimCase.path("pathways").valueStream().map(JsonNode::asString)).containsExactly("victim-support");
    }

    @Test
    void aDuplicateReferralJoinsTheCaseOfTheReferralItDuplicatesOnce() throws Exception {
        String caseId = openCase(Map.of());
        String original = caseId.substring(3);
        String duplicate = newReferralId();
        String eventId = UUID.randomUUID().toString();

        link(duplicate, original, eventId);
        link(duplicate, original, eventId); // redelivered

        JsonNode joined = awaitJson("/api/victim-cases?referralId=" + duplicate);
        assertThat(joined.path("id").asString()).isEqualTo(caseId);
        assertThat(joined.path("linkedReferrals").valueStream().map(JsonNode::asString)).containsExactly(duplicate);
        assertThat(mongo.getCollection("victim_cases").countDocuments(new Document("referralId", duplicate))).isZero();
    }

    @Test
    void aDuplicateOfAReferralWithNoCaseIsIgnored() throws Exception {
        String duplicate = newReferralId();
        String unknown = newReferralId();

        link(duplicate, unknown, UUID.randomUUID().toString());
        route(duplicate, "victim-support", Map.of()); // same key: handled after the link

        awaitCase("vc-" + duplicate, c -> true);
        assertThat(get("/api/victim-cases/vc-" + unknown).statusCode()).isEqualTo(404);
        assertThat(TopicRecords.matching("referrals.referral.events.victims.dlq", keyed(duplicate))).isEmpty();
    }

    private void link(String referralId, String linkedTo, String eventId) {
        publish(referralId, "referrals.ReferralLinked.v1", Map.of("referralId", referralId, "linkedTo", linkedTo,
                "agency", "kent-police", "district", "maidstone", "category", "violent-crime",
                "subjectPseudonym", PSEUDONYM, "reason", "same-crime-reference", "linkedAt", clock.instant().toString()),
                eventId);
    }
}
