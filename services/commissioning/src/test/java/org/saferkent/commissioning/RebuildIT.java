package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.accepted;
import static org.saferkent.commissioning.PartnershipEvents.deadlineMissed;
import static org.saferkent.commissioning.PartnershipEvents.declined;
import static org.saferkent.commissioning.PartnershipEvents.firstTimeEntrant;
import static org.saferkent.commissioning.PartnershipEvents.linked;
import static org.saferkent.commissioning.PartnershipEvents.outcomeRecorded;
import static org.saferkent.commissioning.PartnershipEvents.rjCaseClosed;
import static org.saferkent.commissioning.PartnershipEvents.rjCaseOpened;
import static org.saferkent.commissioning.PartnershipEvents.rjOutcomeRecorded;
import static org.saferkent.commissioning.PartnershipEvents.routed;
import static org.saferkent.commissioning.PartnershipEvents.needsAssessed;
import static org.saferkent.commissioning.PartnershipEvents.supportPlanAgreed;
import static org.saferkent.commissioning.PartnershipEvents.victimCaseClosed;
import static org.saferkent.commissioning.PartnershipEvents.victimCaseOpened;
import static org.saferkent.commissioning.PartnershipEvents.victimContacted;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.PartnershipEvents.Event;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;

import tools.jackson.databind.JsonNode;

/**
 * Replaying the event topics from the start into fresh collections gives exactly what the live
 * projection holds: the same fact documents and the same performance (ignoring write bookkeeping:
 * markers, dirty flags, feed sequences). Works in 2035 (and 2034 for first-time entrant baselines),
 * and runs after the other integration tests, so that it replays everything they left on the topics.
 */
@Order(Integer.MAX_VALUE)
class RebuildIT extends CommissioningIntegrationTest {

    private static final List<String> DISTRICTS = List.of("ashford", "canterbury", "dartford", "dover", "gravesham",
            "maidstone", "sevenoaks", "folkestone-and-hythe", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells");
    private static final List<String> FACT_COLLECTIONS = List.of("pathway_activity", "referral_links", "victim_case_facts",
            "rj_case_facts", "first_time_entrant_facts");
    private static final String GROUP = "commissioning";

    @Test
    void rebuildingFromTheTopicsGivesExactlyWhatTheLiveProjectionHolds() throws Exception {
        String wide = register(contract("Victim Support", List.of("victim-support", "domestic-abuse", "restorative-justice",
                "youth-prevention"), DISTRICTS.subList(0, 6), "2035-01-01", "2035-12-31", "600000", """
                [{"measure":"cope-and-recover-share","target":0.7,"amberWithin":0.1},
                 {"measure":"rj-satisfaction-share","target":0.85,"amberWithin":0.05},
                 {"measure":"fte-reduction","target":0.185,"amberWithin":0.05},
                 {"measure":"cost-per-victim-supported","target":400,"amberWithin":50}]"""));
        String victims = register(contract("Choices Domestic Abuse Service", List.of("victim-support", "domestic-abuse"), DISTRICTS,
                "2035-04-01", "2036-03-31", "1250000.00", """
                [{"measure":"contacted-within-deadline-share","target":0.9,"amberWithin":0.05},
                 {"measure":"needs-met-share","target":0.6,"amberWithin":0.1}]"""));
        post("/api/contracts/" + victims + "/variations", "{\"value\":1300000,\"reason\":\"uplift\"}");

        List<Event> events = partnershipYear(new Random(2035));
        // records the live subscription dead-letters: the rebuild must skip them just the same
        Event poison = routed("rb-poison-" + newId(), "dover", "victim-support", Instant.parse("2035-03-03T10:00:00Z"));
        ProducerRecord<String, byte[]> malformed = poison.record(JSON);
        publishRaw(new ProducerRecord<>(malformed.topic(), null, malformed.key(), "{\"referralId\":".getBytes(StandardCharsets.UTF_8), malformed.headers()));
        Event noDistrict = routed("rb-poison-" + newId(), "dover", "victim-support", Instant.parse("2035-03-03T10:00:00Z"));
        noDistrict.payload().remove("district");
        events.add(noDistrict);
        sendAll(events);
        awaitLiveProjectionSettled();

        int before = projectionVersion();
        String countsBefore = get("/api/commissioning/counts").body();
        long highestSequence = highest();

        JsonNode result = JSON.readTree(post("/api/commissioning/rebuild", null).body());

        int after = projectionVersion();
        assertThat(result.path("version").asInt()).isEqualTo(after).isGreaterThan(before);
        assertThat(result.path("eventsRead").asLong()).isGreaterThanOrEqualTo(events.size());
        System.out.printf("Rebuild: %d events read, %d facts, %d cells in %d ms: %d events/s%n", result.path("eventsRead").asLong(),
                result.path("facts").asLong(), result.path("cells").asLong(), result.path("millis").asLong(),
                result.path("eventsPerSecond").asLong());
        for (String collection : FACT_COLLECTIONS) {
            Map<Object, Object> live = documents(name(collection, before), "appliedEvents", "dirty", "touch");
            Map<Object, Object> rebuilt = documents(name(collection, after), "appliedEvents", "dirty", "touch");
            assertThat(rebuilt).as(collection).hasSameSizeAs(live).isEqualTo(live);
            // built after the facts were inserted: the rebuilt version is queried as the live one was
            assertThat(indexes(name(collection, after))).as(collection).isEqualTo(indexes(name(collection, before))).hasSizeGreaterThan(1);
        }
        Map<Object, Object> livePerformance = documents(name("performance", before), "sequence", "published");
        assertThat(livePerformance.keySet()).anyMatch(key -> key.toString().startsWith(wide + "|"))
                .anyMatch(key -> key.toString().startsWith(victims + "|"));
        assertThat(documents(name("performance", after), "sequence", "published")).isEqualTo(livePerformance);
        assertThat(buckets(after)).as("the day buckets the live refresh carries on from").isNotEmpty().isEqualTo(buckets(before));
        assertThat(result.path("changedCells").asLong()).as("no cell differs, so none gets a new feed entry").isZero();
        assertThat(JSON.readTree(get("/api/commissioning/feed?after=" + highestSequence).body()).path("items").size()).isZero();
        assertThat(get("/api/commissioning/counts").body()).isEqualTo(countsBefore);

        // the live projection goes on in the new version
        JsonNode cell = cell(victims, "thanet", "2035-Q3").orElseThrow();
        publish(routed(newId(), "thanet", "domestic-abuse", Instant.parse("2035-08-08T08:00:00Z")));
        awaitCell(victims, "thanet", "2035-Q3", count("referralsRouted",
                cell.path("performance").path("counts").path("referralsRouted").asLong() + 1));
    }

    @Test
    void eventsArrivingWhileTheRebuildRunsAreNotLost() throws Exception {
        String contractId = register(contract("Youth Offending Service", List.of("youth-prevention"), List.of("gravesham"),
                "2037-01-01", "2037-12-31", "50000", "[]"));
        awaitCell(contractId, "gravesham", "2037-Q2", cell -> true);
        List<Event> duringRebuild = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            duringRebuild.add(routed("rb-live-" + i + "-" + newId(), "gravesham", "youth-prevention",
                    Instant.parse("2037-05-01T10:00:00Z").plus(Duration.ofMinutes(i))));
        }

        // however the two interleave, every event must end up in the version that is read afterwards
        Thread sender = new Thread(() -> duringRebuild.forEach(event -> sendAll(List.of(event))), "events-during-rebuild");
        sender.start();
        HttpResponse<String> rebuilt = post("/api/commissioning/rebuild", null);
        sender.join(Duration.ofSeconds(60).toMillis());

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        awaitCell(contractId, "gravesham", "2037-Q2", count("referralsRouted", duringRebuild.size()));
    }

    /** A year of the partnership's work, with duplicates, late outcomes and redeliveries. */
    private static List<Event> partnershipYear(Random random) {
        List<Event> events = new ArrayList<>();
        List<String> pathways = List.of("victim-support", "victim-support", "domestic-abuse", "restorative-justice", "youth-prevention",
                "asb-case");
        for (int i = 0; i < 500; i++) {
            String referralId = "rb-" + i + "-" + newId();
            String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            Instant day = Instant.parse("2035-01-01T10:00:00Z").plus(Duration.ofDays(random.nextInt(364)));
            List<String> routedTo = new ArrayList<>(List.of(pathways.get(random.nextInt(pathways.size()))));
            if (random.nextInt(4) == 0 && !routedTo.contains("restorative-justice")) {
                routedTo.add("restorative-justice");
            }
            for (String pathway : routedTo) {
                events.add(routed(referralId, district, pathway, day));
                int answer = random.nextInt(20);
                if (answer < 12) {
                    events.add(accepted(referralId, district, pathway, day.plus(Duration.ofDays(1))));
                    if (pathway.equals("victim-support") || pathway.equals("domestic-abuse")) {
                        victimCase(events, random, "vc-" + referralId + "-" + pathway, referralId, district, pathway, day.plus(Duration.ofDays(1)));
                    } else if (pathway.equals("restorative-justice")) {
                        rjCase(events, random, "rj-" + referralId, referralId, district, day.plus(Duration.ofDays(1)));
                    }
                } else if (answer < 15) {
                    events.add(declined(referralId, district, pathway, day.plus(Duration.ofDays(2))));
                }
            }
            if (random.nextInt(10) == 0) {
                events.add(linked("rb-dup-" + i + "-" + newId(), referralId, district, day.plus(Duration.ofDays(random.nextInt(3)))));
            }
        }
        List<String> disposals = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String disposalId = "fte-" + i + "-" + newId();
            String supersedes = !disposals.isEmpty() && random.nextInt(10) == 0 ? disposals.get(random.nextInt(disposals.size())) : null;
            LocalDate on = LocalDate.of(2034 + random.nextInt(2), 1, 1).plusDays(random.nextInt(365));
            events.add(firstTimeEntrant(disposalId, DISTRICTS.get(random.nextInt(DISTRICTS.size())), on, 10 + random.nextInt(9), supersedes));
            disposals.add(disposalId);
        }
        List<Event> redelivered = new ArrayList<>();
        for (Event event : events) {
            if (random.nextInt(20) == 0) {
                redelivered.add(event); // the same ce_id again
            }
        }
        events.addAll(redelivered);
        return events;
    }

    private static void victimCase(List<Event> events, Random random, String caseId, String referralId, String district,
            String pathway, Instant opened) {
        Instant due = opened.plus(Duration.ofDays(5));
        events.add(victimCaseOpened(caseId, referralId, district, pathway, opened, due));
        int contact = random.nextInt(10);
        if (contact < 8) {
            events.add(victimContacted(caseId, referralId, district, opened.plus(Duration.ofDays(random.nextInt(8))), contact < 6));
        } else if (contact == 8) {
            events.add(deadlineMissed(caseId, referralId, district, "first-contact", due));
        }
        if (random.nextBoolean()) {
            events.add(deadlineMissed(caseId, referralId, district, "restorative-justice-information", due));
        }
        if (random.nextInt(3) > 0) {
            events.add(needsAssessed(caseId, referralId, district, opened.plus(Duration.ofDays(random.nextInt(20)))));
        }
        if (random.nextBoolean()) {
            events.add(supportPlanAgreed(caseId, referralId, district, opened.plus(Duration.ofDays(random.nextInt(30)))));
        }
        if (random.nextInt(3) == 0) {
            String reason = List.of("completed", "declined-support", "unable-to-contact", "moved-away").get(random.nextInt(4));
            events.add(victimCaseClosed(caseId, referralId, district, pathway, reason, opened.plus(Duration.ofDays(random.nextInt(90)))));
        }
        if (random.nextInt(4) == 0) {
            // the referral routed to the other victims pathway later: victims keeps the one case, which serves both
            String other = pathway.equals("victim-support") ? "domestic-abuse" : "victim-support";
            events.add(routed(referralId, district, other, opened.plus(Duration.ofDays(random.nextInt(60)))));
        }
        for (int outcome = random.nextInt(3); outcome > 0; outcome--) {
            Map<String, String> needs = new TreeMap<>();
            needs.put("drugs-alcohol", List.of("improved", "sustained", "not-improved").get(random.nextInt(3)));
            if (random.nextBoolean()) {
                needs.put("social-interaction", List.of("improved", "not-improved").get(random.nextInt(2)));
            }
            events.add(outcomeRecorded(caseId, referralId, district, pathway, needs, random.nextBoolean(),
                    opened.plus(Duration.ofDays(20 + random.nextInt(120)))));
        }
    }

    private static void rjCase(List<Event> events, Random random, String caseId, String referralId, String district, Instant opened) {
        events.add(rjCaseOpened(caseId, referralId, district, opened));
        Instant end = opened.plus(Duration.ofDays(30 + random.nextInt(90)));
        if (random.nextBoolean()) {
            events.add(rjOutcomeRecorded(caseId, referralId, district, random.nextInt(6) == 0 ? null : 1 + random.nextInt(5),
                    random.nextInt(5) == 0 ? null : random.nextBoolean(), end));
        }
        if (random.nextInt(4) > 0) {
            events.add(rjCaseClosed(caseId, referralId, district,
                    List.of("completed", "failed", "consent-withdrawn", "other").get(random.nextInt(4)), end));
        }
    }

    private static void publishRaw(ProducerRecord<String, byte[]> record) {
        TopicRecords.send(record);
    }

    private static void sendAll(List<Event> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            events.forEach(event -> producer.send(event.record(JSON)));
            producer.flush();
        }
    }

    /** Every inbound event handled (the group's committed offsets at the end), nothing dirty, every contract projected. */
    private void awaitLiveProjectionSettled() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (lag() > 0) {
                return false;
            }
            int version = projectionVersion();
            for (String collection : FACT_COLLECTIONS) {
                if (mongo.getCollection(name(collection, version)).countDocuments(new Document("dirty", true)) > 0) {
                    return false;
                }
            }
            Map<String, Long> marks = new HashMap<>();
            mongo.getCollection(name("performance_contract_marks", version)).find()
                    .forEach(doc -> marks.put(doc.getString("_id"), ((Number) doc.get("version")).longValue()));
            for (Document contract : mongo.getCollection("contracts").find()) {
                if (marks.getOrDefault(contract.getString("_id"), 0L) < ((Number) contract.get("version")).longValue()) {
                    return false;
                }
            }
            return mongo.getCollection(name("performance", version)).countDocuments(new Document("published", false)) == 0;
        });
    }

    private static long lag() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(PartnershipEvents.REFERRALS, PartnershipEvents.VICTIMS, PartnershipEvents.RJ, PartnershipEvents.DISPOSALS)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }

    private long highest() throws Exception {
        long cursor = 0;
        while (true) {
            JsonNode page = JSON.readTree(get("/api/commissioning/feed?after=" + cursor + "&limit=1000").body());
            cursor = page.path("next").asLong();
            if (!page.path("more").asBoolean()) {
                return cursor;
            }
        }
    }

    private int projectionVersion() {
        Document pointer = mongo.getCollection("projection_versions").find(new Document("_id", "activity")).first();
        return pointer == null ? 0 : ((Number) pointer.get("current")).intValue();
    }

    private static String name(String base, int version) {
        return version == 0 ? base : base + "_v" + version;
    }

    /** The documents by id, without the given bookkeeping fields, every level's field order and the order of quarters and days set aside. */
    private Set<String> indexes(String collection) {
        Set<String> keys = new TreeSet<>();
        mongo.getCollection(collection).listIndexes().forEach(index -> keys.add(index.get("key", Document.class).toJson()));
        return keys;
    }

    private Map<Object, Object> documents(String collection, String... ignored) {
        Map<Object, Object> docs = new TreeMap<>();
        for (Document doc : mongo.getCollection(collection).find()) {
            for (String field : ignored) {
                doc.remove(field);
            }
            for (String set : List.of("quarters", "days")) {
                if (doc.get(set) instanceof List<?> list) {
                    doc.put(set, list.stream().map(String::valueOf).sorted().toList());
                }
            }
            docs.put(doc.get("_id").toString(), canonical(doc));
        }
        return docs;
    }

    /**
     * The day buckets by id, without the fence of the lease hold that wrote each, and without the empty
     * ones a day the live refresh emptied keeps (the same as none; the rebuild writes none).
     */
    private Map<Object, Object> buckets(int version) {
        Map<Object, Object> buckets = documents(name("performance_day_buckets", version), "fence");
        buckets.values().removeIf(bucket -> bucket instanceof Map<?, ?> fields && Long.valueOf(0).equals(fields.get("firstTimeEntrants"))
                && List.of().equals(fields.get("referrals")) && List.of().equals(fields.get("duplicates"))
                && List.of().equals(fields.get("victims")) && fields.get("rj") instanceof Map<?, ?> rj
                && rj.values().stream().allMatch(n -> Long.valueOf(0).equals(n)));
        return buckets;
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((key, nested) -> sorted.put(String.valueOf(key), canonical(nested)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RebuildIT::canonical).toList();
        }
        return value;
    }
}
