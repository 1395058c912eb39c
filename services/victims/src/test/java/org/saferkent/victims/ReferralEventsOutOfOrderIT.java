package org.saferkent.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.victims.victimcase.application.PendingLinks;
import org.saferkent.victims.victimcase.application.VictimCases;
import org.saferkent.victims.victimcase.domain.TimelineEntry;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimProfile;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Events of different referrals travel on different keys, so victims can see a duplicate's
 * {@code referrals.ReferralLinked.v1} before the {@code referrals.ReferralRouted.v1} that opens the
 * case it duplicates. Either order ends in the same case: the duplicate joins it once, and the link
 * alone never opens anything.
 */
class ReferralEventsOutOfOrderIT extends VictimsIntegrationTest {

    private static final String OPENED = "victims.VictimCaseOpened.v1";
    private static final VictimProfile PROFILE = new VictimProfile(List.of(), "35-49", List.of(), "standard", false,
            "victim", PSEUDONYM);

    @Autowired
    private VictimCases cases;

    // ---------------------------------------------------------------- application: VictimCases

    @Test
    void aDuplicateHandledBeforeTheReferralItDuplicatesJoinsTheCaseWhenItOpensJustAsInOrder() {
        Pair inOrder = new Pair();
        routeDirectly(inOrder);
        cases.referralLinked(inOrder.linkEvent, inOrder.duplicate, inOrder.original);

        Pair outOfOrder = new Pair();
        cases.referralLinked(outOfOrder.linkEvent, outOfOrder.duplicate, outOfOrder.original);
        assertThat(cases.find(outOfOrder.caseId())).as("the link alone opens nothing").isEmpty();
        routeDirectly(outOfOrder);

        VictimCase expected = settled(inOrder);
        VictimCase actual = settled(outOfOrder);
        assertThat(actual.linkedReferrals()).containsExactly(outOfOrder.duplicate);
        assertThat(seenByUser(actual, outOfOrder)).isEqualTo(seenByUser(expected, inOrder));
        assertThat(timeline(actual, outOfOrder)).containsExactlyInAnyOrderElementsOf(timeline(expected, inOrder));
        assertThat(appliedEvents(outOfOrder)).contains(outOfOrder.linkEvent);
        assertThat(appliedEvents(inOrder)).contains(inOrder.linkEvent);
        assertThat(publishedTypes(outOfOrder)).isEqualTo(publishedTypes(inOrder)).containsExactly(OPENED);
        assertThat(mongo.getCollection("victim_pending_links").countDocuments(new Document("_id", outOfOrder.original)))
                .as("nothing left waiting").isZero();

        long version = cases.find(outOfOrder.caseId()).orElseThrow().version();
        cases.referralLinked(outOfOrder.linkEvent, outOfOrder.duplicate, outOfOrder.original); // redelivered, both
        routeDirectly(outOfOrder);
        assertThat(cases.find(outOfOrder.caseId()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aDuplicateOfAReferralNeverRoutedToVictimServicesOpensNothingWhateverFollows() {
        String elsewhere = newReferralId();
        String never = newReferralId();
        String duplicate = newReferralId();

        cases.referralLinked(UUID.randomUUID().toString(), duplicate, elsewhere);
        cases.referralLinked(UUID.randomUUID().toString(), duplicate, never);
        cases.referralRouted(UUID.randomUUID().toString(), elsewhere, "maidstone", "violent-crime", "restorative-justice",
                PROFILE, clock.instant());

        assertThat(cases.find(VictimCase.idFor(elsewhere))).isEmpty();
        assertThat(cases.find(VictimCase.idFor(never))).isEmpty();
        assertThat(cases.find(VictimCase.idFor(duplicate))).isEmpty();
        assertThat(mongo.getCollection("victim_cases").countDocuments(new Document("linkedReferrals", duplicate))).isZero();
    }

    @Test
    void aLinkRememberedJustAfterItsCaseOpenedJoinsOnTheRoutingsRedeliveryOnce() {
        Pair pair = new Pair();
        routeDirectly(pair);
        // the link handler found no case, then remembered the link after the opening had looked, and stopped there
        PendingLinks pending = new PendingLinks(mongo, clock);
        pending.remember(pair.original, new PendingLinks.PendingLink(pair.duplicate, pair.linkEvent));
        pending.remember(pair.original, new PendingLinks.PendingLink(pair.duplicate, pair.linkEvent));

        routeDirectly(pair); // the routing, redelivered after a crash, finishes the work
        cases.referralLinked(pair.linkEvent, pair.duplicate, pair.original); // and so does the link's redelivery

        VictimCase joined = cases.find(pair.caseId()).orElseThrow().state();
        assertThat(joined.linkedReferrals()).containsExactly(pair.duplicate);
        assertThat(joined.timeline()).filteredOn(e -> e.what().equals("referral linked")).hasSize(1);
        assertThat(pending.waitingFor(pair.original)).isEmpty();
    }

    // ---------------------------------------------------------------- over the broker

    @Test
    void overTheBrokerADuplicateConsumedBeforeItsOriginalEndsInTheSameCaseAsInOrder() throws Exception {
        Pair inOrder = new Pair();
        route(inOrder.original, "victim-support", Map.of());
        awaitCase(inOrder.caseId(), c -> true);
        link(inOrder);
        JsonNode expected = awaitCase(inOrder.caseId(), c -> c.path("linkedReferrals").size() == 1
                && !c.path("detailsPending").asBoolean());

        Pair outOfOrder = new Pair();
        link(outOfOrder);
        awaitConsumed(REFERRALS_TOPIC);
        assertThat(get("/api/victim-cases/" + outOfOrder.caseId()).statusCode()).isEqualTo(404);
        route(outOfOrder.original, "victim-support", Map.of());
        JsonNode actual = awaitCase(outOfOrder.caseId(), c -> c.path("linkedReferrals").size() == 1
                && !c.path("detailsPending").asBoolean());

        assertThat(actual.path("linkedReferrals").valueStream().map(JsonNode::asString)).containsExactly(outOfOrder.duplicate);
        assertThat(awaitJson("/api/victim-cases?referralId=" + outOfOrder.duplicate).path("id").asString())
                .isEqualTo(outOfOrder.caseId());
        for (String field : List.of("status", "pathways", "district", "category", "enhanced", "detailsPending", "version")) {
            assertThat(actual.path(field)).as(field).isEqualTo(expected.path(field));
        }
        awaitOutboxDrained(outOfOrder.caseId());
        awaitOutboxDrained(inOrder.caseId());
        assertThat(publishedTypes(outOfOrder)).isEqualTo(publishedTypes(inOrder)).containsExactly(OPENED);
        assertThat(TopicRecords.matching(REFERRALS_TOPIC + ".victims.dlq", keyed(outOfOrder.duplicate))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** An original referral and its duplicate, and the link event's id. */
    private static final class Pair {
        final String original = newReferralId();
        final String duplicate = newReferralId();
        final String linkEvent = UUID.randomUUID().toString();
        final String routeEvent = UUID.randomUUID().toString();

        String caseId() {
            return VictimCase.idFor(original);
        }
    }

    private void routeDirectly(Pair pair) {
        cases.referralRouted(pair.routeEvent, pair.original, "maidstone", "violent-crime", "victim-support", PROFILE, clock.instant());
    }

    private void link(Pair pair) {
        publish(pair.duplicate, "referrals.ReferralLinked.v1", Map.of("referralId", pair.duplicate, "linkedTo",
                pair.original, "agency", "kent-police", "district", "maidstone", "category", "violent-crime",
                "subjectPseudonym", PSEUDONYM, "reason", "same-crime-reference", "linkedAt", clock.instant().toString()),
                pair.linkEvent);
    }

    /** The case once its details have settled (fetched in the background after opening). */
    private VictimCase settled(Pair pair) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> cases.find(pair.caseId()).map(l -> !l.state().detailsPending()).orElse(false));
        return cases.find(pair.caseId()).orElseThrow().state();
    }

    /** What a case worker sees of the case, with the pair's ids and the times taken out. */
    private static List<Object> seenByUser(VictimCase c, Pair pair) {
        return List.of(c.linkedReferrals().stream().map(id -> anonymous(id, pair)).toList(), c.pathways(), c.status(),
                c.enhanced(), c.detailsPending(), c.duties().size(), c.district(), c.category());
    }

    private static List<String> timeline(VictimCase c, Pair pair) {
        return c.timeline().stream().map(TimelineEntry::toString).map(line -> line.replaceAll("at=[^,]*, ", ""))
                .map(line -> anonymous(line, pair)).toList();
    }

    private static String anonymous(String text, Pair pair) {
        return text.replace(pair.original, "ORIGINAL").replace(pair.duplicate, "DUPLICATE");
    }

    private List<String> appliedEvents(Pair pair) {
        Document doc = mongo.getCollection("victim_cases").find(new Document("_id", pair.caseId())).first();
        return doc.getList("appliedEvents", String.class);
    }

    private List<String> publishedTypes(Pair pair) {
        awaitOutboxDrained(pair.caseId());
        TopicRecords.awaitRecord(TOPIC, ofType(OPENED).and(keyed(pair.caseId())));
        return caseEvents(pair.caseId()).stream().map(r -> TopicRecords.header(r, "ce_type")).toList();
    }

    /** Waits (bounded) until the service's consumer group has handled everything now on {@code topic}. */
    private static void awaitConsumed(String topic) {
        String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            end = consumer.endOffsets(partitions);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Awaitility.await("victims to consume " + topic).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("victims")
                                .partitionsToOffsetAndMetadata().get();
                        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
                    });
        }
    }
}
