package org.saferkent.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.saferkent.platform.test.TopicRecords.headerEquals;

@SpringBootTest
@WithRealInfrastructure
class OutboxRelayIT {

    private static final String TOPIC = "outboxtest.casefile.events";

    @Autowired
    AggregateStores stores;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventProducer producer;
    @Autowired
    Topics topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSource source;
    @Autowired
    OutboxProperties properties;
    @Autowired
    OutboxTestApplication.StoreWrites storeWrites;

    @Test
    void savedEventsReachTheBrokerWithTheirEnvelopeAndLeaveTheDocument() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();

        assertThat(store.insert(id, new CaseFile(id, "thanet", "new"), List.of(new CaseFileOpened(id, "thanet")))).isTrue();

        ConsumerRecord<String, byte[]> record = TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
        assertThat(record.key()).isEqualTo(id);
        assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo("outboxtest.CaseFileOpened.v1");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/saferkent/outbox-test");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SPECVERSION)).isEqualTo("1.0");
        assertThat(TopicRecords.header(record, CloudEventHeaders.AGGREGATE_VERSION)).isEqualTo("1");
        assertThat(TopicRecords.value(record)).contains("\"caseFileId\":\"" + id + "\"", "\"district\":\"thanet\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingCount("case_files", id) == 0);
        assertThat(store.find(id)).hasValueSatisfying(loaded -> {
            assertThat(loaded.state().note()).isEqualTo("new");
            assertThat(loaded.version()).isEqualTo(1);
        });
    }

    @Test
    void aSecondInsertWithTheSameIdWritesNothing() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "dover", "first"), List.of(new CaseFileOpened(id, "dover")));

        assertThat(store.insert(id, new CaseFile(id, "dover", "second"), List.of(new CaseFileOpened(id, "dover")))).isFalse();
        assertThat(store.find(id).orElseThrow().state().note()).isEqualTo("first");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "swale", "v1"), List.of());
        store.update(id, 1, new CaseFile(id, "swale", "v2"), List.of(new CaseFileNoted(id, 2)));

        assertThatThrownBy(() -> store.update(id, 1, new CaseFile(id, "swale", "stale"), List.of(new CaseFileNoted(id, 99))))
                .isInstanceOf(ConcurrentUpdateException.class);
        Loaded<CaseFile> loaded = store.find(id).orElseThrow();
        assertThat(loaded.state().note()).isEqualTo("v2");
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    void aFieldSetToNullIsClearedInTheDocument() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "ashford", "a note"), List.of());

        store.update(id, 1, new CaseFile(id, "ashford", null), List.of());

        assertThat(store.find(id).orElseThrow().state().note()).isNull();
    }

    @Test
    void eventsOfOneAggregateArePublishedInTheOrderTheyHappened() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "canterbury", "0"), List.of(new CaseFileOpened(id, "canterbury")));
        for (int sequence = 1; sequence <= 20; sequence++) {
            Loaded<CaseFile> loaded = store.find(id).orElseThrow();
            store.update(id, loaded.version(), new CaseFile(id, "canterbury", Integer.toString(sequence)),
                    List.of(new CaseFileNoted(id, sequence)));
        }

        await().atMost(Duration.ofSeconds(20)).until(() ->
                TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id)).size() >= 21);
        List<String> sequences = TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id)).stream()
                .filter(headerEquals(CloudEventHeaders.TYPE, "outboxtest.CaseFileNoted.v1"))
                .map(r -> json.read(r.value(), CaseFileNoted.class).sequence())
                .map(String::valueOf).toList();
        assertThat(sequences).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).toList());
    }

    /**
     * The process that wrote the events died before relaying them (simulated: written while no relay
     * runs, and a lease left behind by the dead relay). A relay started afterwards publishes them.
     */
    @Test
    void eventsWrittenButNotRelayedWhenTheProcessDiedArePublishedAfterRestart() {
        OutboxRelay deadRelay = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, deadRelay, json, source, Clock.systemUTC(),
                "orphaned_case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        String leasedId = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "gravesham", "unrelayed"), List.of(new CaseFileOpened(id, "gravesham")));
        store.insert(leasedId, new CaseFile(leasedId, "gravesham", "leased"), List.of(new CaseFileOpened(leasedId, "gravesham")));
        // the dead relay had claimed this one: its lease has run out
        mongo.getCollection("orphaned_case_files").updateOne(new Document("_id", leasedId), new Document("$set",
                new Document("relayLease", new Document("owner", "relay-dead").append("until", Date.from(Instant.now().minusSeconds(1))))));
        assertThat(TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id))).isEmpty();

        OutboxRelay restarted = new OutboxRelay(mongo, producer, topics, json, source, properties, Clock.systemUTC());
        restarted.register("orphaned_case_files");
        restarted.start();
        try {
            TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
            TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, leasedId));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    pendingCount("orphaned_case_files", id) == 0 && pendingCount("orphaned_case_files", leasedId) == 0);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aDocumentLeasedByALiveRelayIsLeftToIt() {
        OutboxRelay idle = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, idle, json, source, Clock.systemUTC(),
                "leased_case_files", TOPIC, CaseFile.class);
        String leasedId = UUID.randomUUID().toString();
        String freeId = UUID.randomUUID().toString();
        store.insert(leasedId, new CaseFile(leasedId, "sevenoaks", "leased"), List.of(new CaseFileOpened(leasedId, "sevenoaks")));
        mongo.getCollection("leased_case_files").updateOne(new Document("_id", leasedId), new Document("$set",
                new Document("relayLease", new Document("owner", "relay-alive").append("until", Date.from(Instant.now().plusSeconds(600))))));
        store.insert(freeId, new CaseFile(freeId, "sevenoaks", "free"), List.of(new CaseFileOpened(freeId, "sevenoaks")));

        OutboxRelay other = new OutboxRelay(mongo, producer, topics, json, source, properties, Clock.systemUTC());
        other.register("leased_case_files");
        other.start();
        try {
            TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, freeId));
            // the free document was relayed in the same sweep that passed over the leased one
            assertThat(TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, leasedId))).isEmpty();
            assertThat(pendingCount("leased_case_files", leasedId)).isEqualTo(1);
        } finally {
            other.stop();
        }
    }

    /**
     * A writer adds an event while the relay is publishing the document's earlier ones (the write is
     * made from inside the send, so it lands between claim and release): the release must not take
     * the document out of the sweep's sight, and the next sweep publishes the new event.
     */
    @Test
    void anEventWrittenWhileItsDocumentIsBeingRelayedIsNotHiddenFromTheSweep() {
        String collection = "inflight_" + UUID.randomUUID().toString().replace("-", "");
        String id = UUID.randomUUID().toString();
        AtomicReference<AggregateStore<CaseFile>> storeRef = new AtomicReference<>();
        AtomicBoolean written = new AtomicBoolean();
        EventProducer writingMeanwhile = writingOnFirstSend(written,
                () -> storeRef.get().update(id, 1, new CaseFile(id, "folkestone", "meanwhile"), List.of(new CaseFileNoted(id, 1))));
        OutboxRelay sweeper = new OutboxRelay(mongo, writingMeanwhile, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, sweeper, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        storeRef.set(store);
        store.insert(id, new CaseFile(id, "folkestone", "new"), List.of(new CaseFileOpened(id, "folkestone")));

        sweeper.sweep();

        assertThat(written).isTrue();
        assertThat(pendingCount(collection, id)).isEqualTo(1);
        assertThat(mongo.getCollection(collection).find(new Document("_id", id)).first()).containsKey("relayDue");
        assertThat(sweeper.backlog(collection)).isEqualTo(1);

        sweeper.sweep();

        assertThat(pendingCount(collection, id)).isZero();
        assertThat(mongo.getCollection(collection).find(new Document("_id", id)).first()).doesNotContainKey("relayDue");
        assertThat(sweeper.backlog(collection)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id)).size() >= 2);
        assertThat(TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id)))
                .extracting(r -> TopicRecords.header(r, CloudEventHeaders.TYPE))
                .containsExactly("outboxtest.CaseFileOpened.v1", "outboxtest.CaseFileNoted.v1");
    }

    /**
     * A write that adds no event moves the document's version on while the relay publishes its events: the
     * release keeps {@code relayDue} (it cannot tell), and the next sweep, finding no events, takes it away.
     */
    @Test
    void aDocumentChangedWithoutEventsWhileBeingRelayedLeavesTheSweepsSightAtTheNextSweep() {
        String collection = "quietly_" + UUID.randomUUID().toString().replace("-", "");
        String id = UUID.randomUUID().toString();
        AtomicReference<AggregateStore<CaseFile>> storeRef = new AtomicReference<>();
        AtomicBoolean written = new AtomicBoolean();
        EventProducer writingMeanwhile = writingOnFirstSend(written,
                () -> storeRef.get().update(id, 1, new CaseFile(id, "hythe", "no event"), List.of()));
        OutboxRelay sweeper = new OutboxRelay(mongo, writingMeanwhile, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, sweeper, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        storeRef.set(store);
        store.insert(id, new CaseFile(id, "hythe", "new"), List.of(new CaseFileOpened(id, "hythe")));

        sweeper.sweep();

        assertThat(written).isTrue();
        assertThat(pendingCount(collection, id)).isZero();
        sweeper.sweep();
        assertThat(sweeper.backlog(collection)).as("no document is due for ever with nothing to publish").isZero();
    }

    @Test
    void aDocumentWithNothingWrittenMeanwhileLeavesTheSweepsSightOnceRelayed() {
        String collection = "settled_" + UUID.randomUUID().toString().replace("-", "");
        OutboxRelay sweeper = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, sweeper, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        String quiet = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "maidstone", "new"), List.of(new CaseFileOpened(id, "maidstone")));
        store.insert(quiet, new CaseFile(quiet, "maidstone", "no events"), List.of());
        assertThat(sweeper.backlog(collection)).isEqualTo(1);

        sweeper.sweep();

        assertThat(pendingCount(collection, id)).isZero();
        assertThat(sweeper.backlog(collection)).isZero();
        assertThat(mongo.getCollection(collection).countDocuments(new Document("relayDue", new Document("$exists", true)))).isZero();
        TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
    }

    /** The upgrade that reads a whole collection runs once per collection, ever: a later start does not read it again. */
    @Test
    void aLaterStartDoesNotReadTheWholeCollectionAgain() {
        String collection = "restarted_" + UUID.randomUUID().toString().replace("-", "");
        OutboxRelay first = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, first, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "deal", "stored"), List.of());
        StoreScans.Mark mark = StoreScans.mark(mongo.getDb().getName());

        new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC()).register(collection);

        assertThat(StoreScans.since(mark).keySet()).noneMatch(scan -> scan.contains(collection));
    }

    /**
     * A round publishes many aggregates' events for a fixed number of store writes (claim them all, then
     * release them all), not two writes per document: under load the relay's cost per event falls.
     */
    @Test
    void aRoundOfManyDocumentsCostsTheSameFewWritesAsOne() {
        String collection = "round_" + UUID.randomUUID().toString().replace("-", "");
        OutboxRelay sweeper = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, sweeper, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        List<String> ids = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();
        ids.forEach(id -> store.insert(id, new CaseFile(id, "dartford", "new"), List.of(new CaseFileOpened(id, "dartford"))));
        long before = storeWrites.count();

        sweeper.sweep();

        assertThat(storeWrites.count() - before).isLessThanOrEqualTo(2);
        assertThat(sweeper.backlog(collection)).isZero();
        ids.forEach(id -> assertThat(pendingCount(collection, id)).isZero());
        await().atMost(Duration.ofSeconds(10)).until(() -> TopicRecords.matching(TOPIC,
                record -> ids.contains(TopicRecords.header(record, CloudEventHeaders.SUBJECT))).size() == ids.size());
    }

    /** A document written before relayDue existed (pending events, no relayDue) is found once a relay takes its collection. */
    @Test
    void pendingEventsWrittenBeforeRelayDueExistedArePublished() {
        String collection = "legacy_" + UUID.randomUUID().toString().replace("-", "");
        OutboxRelay idle = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, idle, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "tunbridge wells", "old"), List.of(new CaseFileOpened(id, "tunbridge wells")));
        // as written before relayDue existed: no relayDue, and no record of the upgrade
        mongo.getCollection(collection).updateOne(new Document("_id", id), new Document("$unset", new Document("relayDue", "")));
        mongo.getCollection(OutboxRelay.UPGRADES).deleteOne(new Document("_id", collection + ":relayDue"));

        OutboxRelay upgraded = new OutboxRelay(mongo, producer, topics, json, source, properties, Clock.systemUTC());
        upgraded.register(collection);
        assertThat(upgraded.backlog(collection)).isEqualTo(1);
        upgraded.start();
        try {
            TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
            await().atMost(Duration.ofSeconds(10)).until(() -> upgraded.backlog(collection) == 0 && pendingCount(collection, id) == 0);
        } finally {
            upgraded.stop();
        }
    }

    /**
     * A parked event is put back only while no relay holds its document (a relay still busy with it
     * could clear relayDue over it); an unknown id is not found.
     */
    @Test
    void aParkedEventIsRetriedOnlyWhileNoRelayHoldsItsDocument() {
        String collection = "retried_" + UUID.randomUUID().toString().replace("-", "");
        OutboxRelay idle = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, idle, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "dartford", "new"), List.of(new CaseFileOpened(id, "dartford")));
        // park it by hand, as the relay does, and let a live relay hold the document
        Document pending = mongo.getCollection(collection).find(new Document("_id", id)).first()
                .getList("pendingEvents", Document.class).get(0);
        String eventId = pending.getString("eventId");
        mongo.getCollection(collection).updateOne(new Document("_id", id), new Document("$set", new Document("pendingEvents", List.of())
                .append("parkedEvents", List.of(new Document(pending).append("reason", "org.apache.kafka.common.errors.RecordTooLargeException")
                        .append("parkedAt", new Date())))
                .append("relayLease", new Document("owner", "relay-alive").append("until", Date.from(Instant.now().plusSeconds(600)))))
                .append("$unset", new Document("relayDue", "")));
        assertThat(idle.parked()).extracting(ParkedEvent::eventId, ParkedEvent::aggregateId, ParkedEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(eventId, id, "org.apache.kafka.common.errors.RecordTooLargeException"));

        assertThat(idle.retry(eventId)).isEqualTo(OutboxRelay.Retry.BUSY);
        assertThat(idle.retry(UUID.randomUUID().toString())).isEqualTo(OutboxRelay.Retry.NOT_FOUND);
        assertThat(pendingCount(collection, id)).isZero();

        mongo.getCollection(collection).updateOne(new Document("_id", id), new Document("$unset", new Document("relayLease", "")));
        assertThat(idle.retry(eventId)).isEqualTo(OutboxRelay.Retry.RETRIED);
        assertThat(idle.parked()).isEmpty();
        assertThat(pendingCount(collection, id)).isEqualTo(1);
        assertThat(idle.backlog(collection)).isEqualTo(1);
        assertThat(idle.retry(eventId)).isEqualTo(OutboxRelay.Retry.NOT_FOUND);
    }

    /**
     * A new aggregate is held for the relay of the instance that inserted it from its very insert, so the
     * relay publishes it without claiming it first: the insert and the release, two store writes, not three.
     */
    @Test
    void aNewAggregateIsPublishedWithOneStoreWriteBesidesItsInsert() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        long before = storeWrites.count();

        store.insert(id, new CaseFile(id, "swale", "new"), List.of(new CaseFileOpened(id, "swale")));

        TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document doc = mongo.getCollection("case_files").find(new Document("_id", id)).first();
            return !doc.containsKey("relayDue") && !doc.containsKey("relayLease");
        });
        assertThat(storeWrites.count() - before).as("the insert and the relay's release, no claim").isLessThanOrEqualTo(2);
        assertThat(pendingCount("case_files", id)).isZero();
    }

    /** A poll's new aggregates are one insert; one that exists already is left as it is, and only the new ones' events go out. */
    @Test
    void aPollOfNewAggregatesIsOneWriteAndAnExistingOneIsLeftAsItIs() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String existing = UUID.randomUUID().toString();
        store.insert(existing, new CaseFile(existing, "thanet", "first"), List.of());
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<AggregateStore.New<CaseFile>> poll = new java.util.ArrayList<>(ids.stream().map(id -> new AggregateStore.New<>(id,
                new CaseFile(id, "thanet", "new"), List.<Object>of(new CaseFileOpened(id, "thanet")), null)).toList());
        poll.add(3, new AggregateStore.New<>(existing, new CaseFile(existing, "thanet", "again"), List.of(new CaseFileOpened(existing, "thanet")), null));
        long before = storeWrites.count();

        java.util.Set<String> inserted = store.insertAll(poll);

        assertThat(storeWrites.count() - before).as("one insert for the poll").isEqualTo(1);
        assertThat(inserted).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store.find(existing).orElseThrow().state().note()).isEqualTo("first");
        await().atMost(Duration.ofSeconds(10)).until(() -> TopicRecords.matching(TOPIC,
                record -> ids.contains(TopicRecords.header(record, CloudEventHeaders.SUBJECT))).size() == ids.size());
        assertThat(TopicRecords.matching(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, existing))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> pendingCount("case_files", id) == 0));
    }

    /** A change that adds events is held for the relay in the same write, as an insert is: its write and the release, no claim. */
    @Test
    void aChangeWithEventsIsPublishedWithOneStoreWriteBesidesItself() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "swale", "new"), List.of());
        long before = storeWrites.count();

        store.update(id, 1, new CaseFile(id, "swale", "noted"), List.of(new CaseFileNoted(id, 1)));

        TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document doc = mongo.getCollection("case_files").find(new Document("_id", id)).first();
            return !doc.containsKey("relayDue") && !doc.containsKey("relayLease");
        });
        assertThat(storeWrites.count() - before).as("the change and the relay's release, no claim").isLessThanOrEqualTo(2);
    }

    /** A change to a document another relay holds is written all the same, left to that relay, and published once it lets go. */
    @Test
    void aChangeToADocumentAnotherRelayHoldsIsWrittenAndLeftToIt() {
        AggregateStore<CaseFile> store = stores.create("case_files", TOPIC, CaseFile.class);
        String id = UUID.randomUUID().toString();
        store.insert(id, new CaseFile(id, "dover", "new"), List.of());
        mongo.getCollection("case_files").updateOne(new Document("_id", id), new Document("$set",
                new Document("relayLease", new Document("owner", "relay-other").append("until", Date.from(Instant.now().plusSeconds(600))))));

        store.update(id, 1, new CaseFile(id, "dover", "noted"), List.of(new CaseFileNoted(id, 1)));

        Document doc = mongo.getCollection("case_files").find(new Document("_id", id)).first();
        assertThat(doc.getLong("version")).isEqualTo(2);
        assertThat(doc.get("relayLease", Document.class).getString("owner")).isEqualTo("relay-other");
        assertThat(pendingCount("case_files", id)).isEqualTo(1);
        mongo.getCollection("case_files").updateOne(new Document("_id", id), new Document("$unset", new Document("relayLease", "")));
        TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, id));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingCount("case_files", id) == 0);
    }

    /**
     * A relay that stops while documents inserted under its pre-lease wait gives them back: the next
     * relay takes them at its first sweep, not when the lease runs out.
     */
    @Test
    void aStoppingRelayGivesBackTheNewDocumentsItHeldButDidNotPublish() throws Exception {
        String collection = "stopping_" + UUID.randomUUID().toString().replace("-", "");
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        EventProducer stuck = new EventProducer(null) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                sending.countDown();
                try {
                    new java.util.concurrent.CountDownLatch(1).await(); // until the relay is stopped
                } catch (InterruptedException stopped) {
                    // the relay's stop interrupts its thread: fail this send as a broker that went away would
                }
                return CompletableFuture.failedFuture(new IllegalStateException("relay stopped"));
            }

            @Override
            public void flush() {
            }
        };
        OutboxRelay stopping = new OutboxRelay(mongo, stuck, topics, json, source, properties, Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, stopping, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        stopping.start();
        String busy = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        store.insert(busy, new CaseFile(busy, "ashford", "sending"), List.of(new CaseFileOpened(busy, "ashford")));
        assertThat(sending.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the relay is sending the first").isTrue();
        store.insert(waiting, new CaseFile(waiting, "ashford", "waiting"), List.of(new CaseFileOpened(waiting, "ashford")));
        assertThat(mongo.getCollection(collection).find(new Document("_id", waiting)).first())
                .as("held for the running relay from its insert").containsKey("relayLease");

        stopping.stop();

        assertThat(mongo.getCollection(collection).find(new Document("_id", waiting)).first()).doesNotContainKey("relayLease");
        OutboxRelay next = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        next.register(collection);
        next.sweep();
        assertThat(pendingCount(collection, waiting)).isZero();
        TopicRecords.awaitRecord(TOPIC, headerEquals(CloudEventHeaders.SUBJECT, waiting));
    }

    /**
     * A consumer's whole poll of inbound events changes many aggregates in one store write, each exactly as
     * {@code applyOnce} would: a change over a stale version is handed back to be decided again, an event
     * applied before changes nothing, and the poll delivered again changes nothing.
     */
    @Test
    void aPollOfInboundEventsChangesManyAggregatesInOneWriteEachOnce() {
        String collection = "poll_" + UUID.randomUUID().toString().replace("-", "");
        OutboxRelay idle = new OutboxRelay(mongo, producer, topics, json, source, disabled(), Clock.systemUTC());
        AggregateStore<CaseFile> store = new AggregateStore<>(mongo, idle, json, source, Clock.systemUTC(),
                collection, TOPIC, CaseFile.class);
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
        ids.forEach(id -> store.insert(id, new CaseFile(id, "canterbury", "new"), List.of()));
        String stale = ids.get(0);
        String appliedBefore = ids.get(1);
        store.update(stale, 1, new CaseFile(stale, "canterbury", "moved on"), List.of());
        store.applyOnce(appliedBefore, 1, new CaseFile(appliedBefore, "canterbury", "noted"), List.of(), "event-" + appliedBefore);
        List<AggregateStore.Change<CaseFile>> poll = ids.stream().map(id -> new AggregateStore.Change<>(id,
                id.equals(appliedBefore) ? 2 : 1, new CaseFile(id, "canterbury", "noted"),
                List.of(new CaseFileNoted(id, 2)), "event-" + id, null)).toList();
        long before = storeWrites.count();

        List<AggregateStore.Change<CaseFile>> movedOn = store.applyAllOnce(poll);

        assertThat(storeWrites.count() - before).as("one bulk write for the poll").isEqualTo(1);
        assertThat(movedOn).extracting(AggregateStore.Change::id).containsExactly(stale);
        assertThat(store.find(stale).orElseThrow().state().note()).isEqualTo("moved on");
        assertThat(store.find(appliedBefore).orElseThrow().version()).as("applied before: unchanged").isEqualTo(2);
        assertThat(pendingCount(collection, appliedBefore)).isZero();
        ids.subList(2, ids.size()).forEach(id -> {
            assertThat(store.find(id).orElseThrow().state().note()).isEqualTo("noted");
            assertThat(pendingCount(collection, id)).isEqualTo(1);
        });

        assertThat(store.applyAllOnce(poll.subList(1, poll.size()))).as("the poll delivered again").isEmpty();
        ids.subList(2, ids.size()).forEach(id -> assertThat(pendingCount(collection, id)).isEqualTo(1));
    }

    private OutboxProperties disabled() {
        return new OutboxProperties(properties.lease(), properties.sweepInterval(), properties.batchSize(),
                properties.publishTimeout(), false);
    }

    private int pendingCount(String collection, String id) {
        Document doc = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return doc == null ? -1 : doc.getList("pendingEvents", Document.class).size();
    }

    /** The real producer, which makes {@code write} once, from inside the first send: between a relay's claim and its release. */
    private EventProducer writingOnFirstSend(AtomicBoolean written, Runnable write) {
        return new EventProducer(null) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                CompletableFuture<SendResult<String, byte[]>> sent = producer.send(record);
                if (written.compareAndSet(false, true)) {
                    write.run();
                }
                return sent;
            }

            @Override
            public void flush() {
                producer.flush();
            }
        };
    }

}
