package org.saferkent.commissioning.performance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.activity.adapter.in.messaging.RoutedReferral;
import org.saferkent.commissioning.activity.application.ActivityProjection;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractPeriod;
import org.saferkent.commissioning.contract.domain.NewContract;
import org.saferkent.commissioning.contract.domain.TargetTerms;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventsProperties;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;

/**
 * The performance lease on the real store, with clocks the test moves: a holder whose work runs
 * longer than the lease keeps it by renewing it; a holder that crashed (stops renewing) loses it one
 * lease duration after a contender saw its last renewal; a holder that stalled past its lease finds it
 * taken over and stops; no clock, however far ahead, takes a lease that is being renewed; and a
 * holder that stalled in the middle of writing the feed (past its check) and wakes after another
 * instance took over is fenced: its writes (cells and day buckets) are refused, no reader paging the
 * feed misses a change, and neither Kafka feed (exact, or the PCC office's) carries an older record of a key after a
 * newer one; a change sent again (a crash between the broker's ack and marking it published, a lease lost) has the
 * id it had.
 */
class ProjectionLeaseIT {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void aStoreOfItsOwn() {
        client = MongoClients.create(RealInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "commissioning-lease-" + UUID.randomUUID());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRunningHolderKeepsTheLeaseAndACrashedOneLosesItWithinOneLease() {
        ProjectionLease rebuild = new ProjectionLease(mongo, clock, "rebuild");
        ProjectionLease refresh = new ProjectionLease(mongo, clock, "refresh");
        ProjectionLease.Hold hold = rebuild.hold(LEASE, Duration.ofMillis(20));
        assertThat(hold).isNotNull();
        assertThat(refresh.tryAcquire(LEASE)).isFalse();

        // the work runs for twice the lease: renewals keep it
        clock.advance(LEASE.multipliedBy(2));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stillHeld(hold));
        assertThat(until()).isAfter(clock.instant());
        assertThat(refresh.tryAcquire(LEASE)).isFalse();

        // the process dies: nothing renews the lease any more, and it runs out one lease after the
        // contender saw it last change
        hold.abandon();
        assertThat(refresh.tryAcquire(LEASE)).isFalse();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(refresh.tryAcquire(LEASE)).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(refresh.tryAcquire(LEASE)).isTrue();
        assertThat(rebuild.tryAcquire(LEASE)).isFalse();
    }

    @Test
    void aHolderThatStalledPastItsLeaseFindsItTakenOverAndStops() {
        ProjectionLease rebuild = new ProjectionLease(mongo, clock, "rebuild");
        ProjectionLease other = new ProjectionLease(mongo, clock, "rebuild");
        ProjectionLease.Hold stalled = rebuild.hold(LEASE, Duration.ofHours(1)); // no renewal comes in time
        assertThat(stalled).isNotNull();
        assertThat(other.hold(LEASE, Duration.ofHours(1))).isNull();

        clock.advance(LEASE.plusSeconds(1));
        ProjectionLease.Hold taken = other.hold(LEASE, Duration.ofHours(1));

        assertThat(taken).isNotNull();
        assertThatThrownBy(stalled::check).isInstanceOf(ProjectionLease.LeaseLostException.class);
        assertThatThrownBy(stalled::confirm).isInstanceOf(ProjectionLease.LeaseLostException.class);
        stalled.close(); // releases nothing: the lease is not its own any more
        taken.check();
        assertThat(new ProjectionLease(mongo, clock, "refresh").tryAcquire(LEASE)).isFalse();
        taken.close();
        assertThat(new ProjectionLease(mongo, clock, "refresh").tryAcquire(LEASE)).isTrue();
    }

    @Test
    void aContenderWhoseClockIsAnHourAheadNeverTakesALeaseThatIsBeingRenewed() {
        MovableClock ahead = new MovableClock(clock.instant().plus(Duration.ofHours(1)));
        ProjectionLease holder = new ProjectionLease(mongo, clock, "refresh");
        ProjectionLease contender = new ProjectionLease(mongo, ahead, "rebuild");
        ProjectionLease.Hold hold = holder.hold(LEASE, Duration.ofMillis(20));
        assertThat(hold).isNotNull();

        for (int round = 0; round < 3; round++) {
            assertThat(contender.tryAcquire(LEASE)).as("round " + round).isFalse();
            long version = version();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> version() > version); // renewed meanwhile
            ahead.advance(LEASE.plusSeconds(1));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(contender.tryAcquire(LEASE)).isFalse();
        hold.check();

        // once the holder stops, the contender takes it one lease (on its own clock) after the last renewal
        hold.abandon();
        assertThat(contender.tryAcquire(LEASE)).isFalse();
        ahead.advance(LEASE.plusSeconds(1));
        assertThat(contender.tryAcquire(LEASE)).isTrue();
    }

    /**
     * A refresh run that found work keeps the lease for the next run (taking and releasing it cost every run two
     * commits of the store): the other instance finds it held. A run that finds nothing lets it go, and the other
     * takes it at once. A rebuild waiting for the lease asks for it, and the holder's next run gives it up.
     */
    @Test
    void aRefreshThatFoundWorkKeepsTheLeaseForItsNextRunAndGivesItUpWhenIdleOrAsked() {
        try (TwoInstances two = new TwoInstances()) {
            two.live.referralRouted(ref(), new RoutedReferral("r-1", "maidstone", "victim-support", Instant.parse("2031-07-01T10:00:00Z")));
            assertThat(two.stalling.refresh().run()).isTrue();
            assertThat(holder()).as("kept after a run that found work").startsWith("refresh-");
            assertThat(two.other.refresh().run()).as("the other instance, meanwhile").isFalse();

            two.live.referralRouted(ref(), new RoutedReferral("r-2", "swale", "victim-support", Instant.parse("2031-07-02T10:00:00Z")));
            assertThat(two.stalling.refresh().run()).as("the next run, on the lease kept").isTrue();
            assertThat(two.storedReferrals(MAIDSTONE_Q3)).isEqualTo(1);
            assertThat(two.stalling.refresh().run()).as("a run that finds nothing").isTrue();
            assertThat(holder()).as("released by it").isNull();
            assertThat(two.other.refresh().run()).as("the other instance, at once").isTrue();

            // a rebuild waiting for the lease asks for it: the holder's next run gives it up, and the rebuild takes it
            two.live.referralRouted(ref(), new RoutedReferral("r-3", "maidstone", "victim-support", Instant.parse("2031-07-03T10:00:00Z")));
            assertThat(two.other.refresh().run()).isTrue();
            ProjectionLease rebuild = new ProjectionLease(mongo, clock, "rebuild");
            assertThat(rebuild.hold(LEASE, Duration.ofHours(1))).as("held by the refresh").isNull();
            rebuild.want();
            two.live.referralRouted(ref(), new RoutedReferral("r-4", "maidstone", "victim-support", Instant.parse("2031-07-04T10:00:00Z")));
            assertThat(two.other.refresh().run()).as("the refresh, asked").isFalse();
            ProjectionLease.Hold rebuilding = rebuild.hold(LEASE, Duration.ofHours(1));
            assertThat(rebuilding).as("the rebuild, next").isNotNull();
            assertThat(two.other.refresh().run()).as("the refresh while the rebuild holds it").isFalse();
            rebuilding.close();
            assertThat(two.other.refresh().run()).isTrue();
            assertThat(two.storedReferrals(MAIDSTONE_Q3)).as("what came meanwhile, counted").isEqualTo(3);
        }
    }

    /** A hold kept for a next run that does not come is released by its next renewal once idle for a moment. */
    @Test
    void aHoldKeptForANextRunThatDoesNotComeIsReleasedByItsRenewal() {
        ProjectionLease refresh = new ProjectionLease(mongo, clock, "refresh");
        ProjectionLease.Hold hold = refresh.hold(LEASE, Duration.ofMillis(20));
        hold.park();
        assertThat(hold.resume()).as("taken up again at once").isEqualTo(ProjectionLease.Resumed.YES);
        hold.park();
        clock.advance(ProjectionLease.IDLE);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> holder() == null);
        assertThat(hold.resume()).as("taken up after it was released").isEqualTo(ProjectionLease.Resumed.NO);
        assertThat(new ProjectionLease(mongo, clock, "rebuild").tryAcquire(LEASE)).isTrue();
    }

    @Test
    void aHolderThatStalledWhileWritingTheFeedIsFencedAndNoReaderMissesAChange() throws Exception {
        try (TwoInstances two = new TwoInstances()) {
            two.live.referralRouted(ref(), new RoutedReferral("r-1", "maidstone", "victim-support", Instant.parse("2031-07-01T10:00:00Z")));
            Stall stall = new Stall();
            two.stalling.store().beforeCellWrites = stall; // past its checks, its numbers reserved: a long pause
            CompletableFuture<Boolean> stallingRun = CompletableFuture.supplyAsync(two.stalling.refresh()::run);
            stall.awaitStalled();

            // meanwhile two more referrals, and the other instance takes over once the lease has not moved for a whole lease
            two.live.referralRouted(ref(), new RoutedReferral("r-2", "maidstone", "victim-support", Instant.parse("2031-07-02T10:00:00Z")));
            two.live.referralRouted(ref(), new RoutedReferral("r-3", "swale", "victim-support", Instant.parse("2031-07-03T10:00:00Z")));
            two.takeOver();

            // a reader pages through the feed as far as it goes
            List<PublishedEntry> seen = new ArrayList<>();
            long cursor = page(two.feed, 0, seen);
            assertThat(seen).extracting(PublishedEntry::key).contains(MAIDSTONE_Q3);

            // the stalled instance wakes and writes on: refused
            two.stalling.store().beforeCellWrites = () -> { };
            stall.wake();
            assertThatThrownBy(() -> stallingRun.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ProjectionLease.LeaseLostException.class);
            assertThat(two.other.refresh().run()).as("the next round").isTrue();
            assertThat(two.storedReferrals(MAIDSTONE_Q3)).as("the newer snapshot stays").isEqualTo(2);

            // the reader goes on from its cursor: together it has seen every change a reader starting now sees
            page(two.feed, cursor, seen);
            List<PublishedEntry> fromTheStart = new ArrayList<>();
            page(two.feed, 0, fromTheStart);
            // a Kent total travels with (and shares the number of) the change that made it
            assertThat(seen).extracting(PublishedEntry::sequence).isSorted();
            assertThat(seen).filteredOn(entry -> !entry.district().equals("kent")).extracting(PublishedEntry::sequence)
                    .doesNotHaveDuplicates();
            assertThat(seen).as("what the paging reader saw").containsAll(fromTheStart);
            assertThat(fromTheStart).filteredOn(entry -> entry.key().equals(MAIDSTONE_Q3)).singleElement()
                    .satisfies(entry -> assertThat(entry.performance().suppressed()).as("2 is shown as suppressed")
                            .containsEntry("referralsRouted", "primary"));

            // on the Kafka feed each cell's records only move forward, and the last is the stored snapshot
            Map<String, List<JsonNode>> published = two.published();
            assertThat(published).containsKey(MAIDSTONE_Q3);
            published.forEach((key, records) -> assertThat(records).as(key).extracting(r -> r.path("sequence").asLong()).isSorted()
                    .doesNotHaveDuplicates());
            assertThat(last(published.get(MAIDSTONE_Q3)).path("performance").path("counts").path("referralsRouted").asLong())
                    .isEqualTo(2);
        }
    }

    @Test
    void aPublisherThatStalledBeforeSendingLeavesTheNewestSnapshotLastOnTheKafkaFeed() throws Exception {
        try (TwoInstances two = new TwoInstances()) {
            two.live.referralRouted(ref(), new RoutedReferral("r-1", "maidstone", "victim-support", Instant.parse("2031-07-01T10:00:00Z")));
            Stall stall = new Stall();
            two.stalling.publisher().beforeSend = stall; // its cells read, its records not sent yet: a long pause
            CompletableFuture<Boolean> stallingRun = CompletableFuture.supplyAsync(two.stalling.refresh()::run);
            stall.awaitStalled();

            two.live.referralRouted(ref(), new RoutedReferral("r-2", "maidstone", "victim-support", Instant.parse("2031-07-02T10:00:00Z")));
            two.takeOver(); // publishes the newer snapshot

            two.stalling.publisher().beforeSend = () -> { };
            // wakes: its cell changed since it read it (it sends no older record of it, only the Kent total as it now
            // stands), and it finds the lease lost once the broker acknowledged
            stall.wake();
            assertThatThrownBy(() -> stallingRun.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ProjectionLease.LeaseLostException.class);
            assertThat(two.other.refresh().run()).as("the next round").isTrue();

            Map<String, List<JsonNode>> published = two.published();
            published.forEach((key, records) -> assertThat(last(records).path("sequence").asLong()).as(key)
                    .isEqualTo(records.stream().mapToLong(r -> r.path("sequence").asLong()).max().orElseThrow()));
            assertThat(last(published.get(MAIDSTONE_Q3)).path("performance").path("counts").path("referralsRouted").asLong())
                    .isEqualTo(2);
            // the PCC office's topic too, its Kent total included; the change sent again has the id it had
            Map<String, List<JsonNode>> shown = two.shownToTheOffice();
            assertThat(shown).containsKeys(MAIDSTONE_Q3, KENT_Q3);
            shown.forEach((key, records) -> assertThat(last(records).path("sequence").asLong()).as(key)
                    .isEqualTo(records.stream().mapToLong(r -> r.path("sequence").asLong()).max().orElseThrow()));
            assertThat(last(shown.get(MAIDSTONE_Q3)).path("performance").path("suppressed").path("referralsRouted").asString())
                    .as("2 is withheld").isEqualTo("primary");
            assertThat(last(shown.get(MAIDSTONE_Q3)).path("sequence").asLong())
                    .isEqualTo(last(published.get(MAIDSTONE_Q3)).path("sequence").asLong());
            assertThat(records(shown, MAIDSTONE_Q3, last(shown.get(MAIDSTONE_Q3)).path("sequence").asLong()))
                    .as("the newest change, sent by the new holder and again after the stalled one's").isGreaterThan(1);
            two.ids(two.topic).forEach((change, ids) -> assertThat(ids).as(change).hasSize(1));
            two.ids(two.pccTopic).forEach((change, ids) -> assertThat(ids).as(change).hasSize(1));
        }
    }

    @Test
    void aCrashBetweenTheBrokersAckAndMarkingTheCellsPublishedSendsTheSameRecordsWithTheSameIds() throws Exception {
        try (TwoInstances two = new TwoInstances()) {
            two.live.referralRouted(ref(), new RoutedReferral("r-1", "maidstone", "victim-support", Instant.parse("2031-07-01T10:00:00Z")));
            assertThat(two.other.refresh().run()).isTrue();
            Map<String, List<JsonNode>> before = two.shownToTheOffice();
            Map<String, Set<String>> exactIds = two.ids(two.topic);
            Map<String, Set<String>> officeIds = two.ids(two.pccTopic);
            assertThat(before).containsKeys(MAIDSTONE_Q3, KENT_Q3);

            // the broker acknowledged both records, the process died before it marked the cell published
            mongo.getCollection(PerformanceStore.collection(two.versions.current())).updateMany(new Document(),
                    new Document("$set", new Document(PerformanceStore.PUBLISHED, false)));
            assertThat(two.other.refresh().run()).isTrue();

            assertThat(two.records(two.pccTopic)).as("sent again").isGreaterThan(before.values().stream().mapToInt(List::size).sum());
            assertThat(two.ids(two.topic)).as("the exact feed: the same ids").isEqualTo(exactIds);
            assertThat(two.ids(two.pccTopic)).as("the office's feed: the same ids").isEqualTo(officeIds);
            two.shownToTheOffice().forEach((key, records) -> assertThat(last(records)).as(key).isEqualTo(last(before.get(key))));
        }
    }

    private static long records(Map<String, List<JsonNode>> byKey, String key, long sequence) {
        return byKey.get(key).stream().filter(record -> record.path("sequence").asLong() == sequence).count();
    }

    @Test
    void aHolderThatStalledWhileWritingDayBucketsCannotPutOlderCountsBack() throws Exception {
        try (TwoInstances two = new TwoInstances()) {
            two.live.referralRouted(ref(), new RoutedReferral("r-1", "maidstone", "victim-support", Instant.parse("2031-07-01T10:00:00Z")));
            Stall stall = new Stall();
            two.stalling.refresh().buckets().beforeWrites = stall; // the day's bucket counted (one referral), not written yet
            CompletableFuture<Boolean> stallingRun = CompletableFuture.supplyAsync(two.stalling.refresh()::run);
            stall.awaitStalled();

            two.live.referralRouted(ref(), new RoutedReferral("r-2", "maidstone", "victim-support", Instant.parse("2031-07-01T11:00:00Z")));
            two.takeOver(); // counts the day again: two referrals

            two.stalling.refresh().buckets().beforeWrites = () -> { };
            stall.wake();
            assertThatThrownBy(() -> stallingRun.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ProjectionLease.LeaseLostException.class);

            // a referral on another day of the quarter: the cell is summed from both days' buckets
            two.live.referralRouted(ref(), new RoutedReferral("r-3", "maidstone", "victim-support", Instant.parse("2031-07-15T10:00:00Z")));
            assertThat(two.other.refresh().run()).isTrue();
            assertThat(two.storedReferrals(MAIDSTONE_Q3)).isEqualTo(3);
        }
    }

    private static final String MAIDSTONE_Q3 = PerformanceSnapshot.key("victims", "maidstone", "2031-Q3");
    private static final String KENT_Q3 = PerformanceSnapshot.key("victims", "kent", "2031-Q3");
    private static final PathwayScope FENCING_SCOPE = new PathwayScope("restorative-justice", Set.of("youth-prevention"));
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** A latch in a write path: the thread that runs it stops there until woken. */
    private static final class Stall implements Runnable {

        private final CountDownLatch stalled = new CountDownLatch(1);
        private final CountDownLatch woken = new CountDownLatch(1);

        @Override
        public void run() {
            stalled.countDown();
            try {
                woken.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitStalled() throws InterruptedException {
            assertThat(stalled.await(30, TimeUnit.SECONDS)).as("reached the stall").isTrue();
        }

        void wake() {
            woken.countDown();
        }
    }

    private record Instance(PerformanceStore store, SnapshotPublisher publisher, PerformanceRefresh refresh) {
    }

    /**
     * Two instances of the refresh on this test's store and the shared broker (a feed topic of their
     * own), each with its own lease, store and publisher, on the clock the test moves; no renewal comes
     * in time, so a stalled holder's lease can be taken over.
     */
    private final class TwoInstances implements AutoCloseable {

        final String topic = "commissioning.feed.fencing-" + UUID.randomUUID();
        final String pccTopic = "commissioning.pcc-feed.fencing-" + UUID.randomUUID();
        final ProjectionVersions versions = new ProjectionVersions(mongo);
        final List<Loaded<Contract>> contracts = List.of(victimsContract());
        final ActivityProjection live;
        final DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        final Instance stalling = instance();
        final Instance other = instance();
        final PerformanceFeed feed = new PerformanceFeed(other.store(), versions);

        TwoInstances() {
            LiveFacts facts = LiveFacts.pinned(new IdempotentWrites(mongo), versions.current());
            live = new ActivityProjection(facts::apply, FENCING_SCOPE.restorativeJustice());
        }

        private Instance instance() {
            PerformanceStore store = new PerformanceStore(mongo, new EventJson().mapper(), new FeedSequence(mongo),
                new org.saferkent.commissioning.performance.domain.PccDisclosure(
                        org.saferkent.platform.disclosure.DisclosureControl.withDefaultAudiences(), "pcc-office"));
            KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealInfrastructure.get().kafkaBootstrapServers()));
            SnapshotPublisher publisher = new SnapshotPublisher(store, new EventProducer(new KafkaTemplate<>(producers)), new EventJson(),
                    new EventSource("commissioning"), clock, topic, pccTopic, 10, Duration.ofSeconds(30), () -> {
                        FeedTopic.declare(admin, topic, new EventsProperties(1, (short) 1, 1));
                        FeedTopic.declare(admin, pccTopic, new EventsProperties(1, (short) 1, 1));
                    });
            PerformanceRefresh refresh = new PerformanceRefresh(mongo, versions, () -> contracts, store, new LiveFactsLoader(mongo),
                    publisher, new ProjectionLease(mongo, clock, "refresh"), FENCING_SCOPE, 60, LEASE, Duration.ofHours(1));
            refresh.ensureIndexes();
            return new Instance(store, publisher, refresh);
        }

        /** The other instance finds the lease held, then takes it over once it has not moved for a whole lease, and runs. */
        void takeOver() {
            assertThat(other.refresh().run()).as("held by the stalled instance").isFalse();
            clock.advance(LEASE.plusSeconds(1));
            assertThat(other.refresh().run()).as("taken over").isTrue();
        }

        long storedReferrals(String key) {
            String[] cell = key.split("\\|");
            Document stored = other.store().forDistrict(versions.current(), cell[1], List.of(cell[2])).get(key);
            return other.store().snapshot(stored).counts().referralsRouted();
        }

        /** The feed topic's records by key, in the order the topic holds them. */
        Map<String, List<JsonNode>> published() {
            return byKey(topic);
        }

        /** The PCC office's topic's records by key, in the order the topic holds them. */
        Map<String, List<JsonNode>> shownToTheOffice() {
            return byKey(pccTopic);
        }

        private Map<String, List<JsonNode>> byKey(String from) {
            Map<String, List<JsonNode>> published = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(from)) {
                published.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(JSON.readTree(record.value()));
            }
            return published;
        }

        /** ce_id of every record on {@code from}, by key and sequence (ce_aggregateversion). */
        Map<String, Set<String>> ids(String from) {
            Map<String, Set<String>> ids = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(from)) {
                ids.computeIfAbsent(record.key() + "#" + TopicRecords.header(record, "ce_aggregateversion"), k -> new HashSet<>())
                        .add(TopicRecords.header(record, "ce_id"));
            }
            return ids;
        }

        int records(String from) {
            return TopicRecords.readAll(from).size();
        }

        @Override
        public void close() {
            producers.destroy();
        }
    }

    private static JsonNode last(List<JsonNode> records) {
        return records.get(records.size() - 1);
    }

    /** Pages through the feed one change at a time from {@code after}, as far as it goes; @return the cursor to go on from */
    private static long page(PerformanceFeed feed, long after, List<PublishedEntry> into) {
        long cursor = after;
        for (int page = 0; page < 1000; page++) {
            PerformanceFeed.Page answer = feed.after(cursor, 1);
            into.addAll(answer.items());
            cursor = answer.next();
            if (!answer.more()) {
                return cursor;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    private static Loaded<Contract> victimsContract() {
        Instant registered = Instant.parse("2030-12-01T00:00:00Z");
        Contract contract = Contract.register("victims", new NewContract("Provider victims", "Service", List.of("victim-support"),
                List.of("maidstone", "swale"), new ContractPeriod(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-12-31")),
                36_500_000, List.of(new TargetTerms("contacted-within-deadline-share", new BigDecimal("0.9"), new BigDecimal("0.05")))),
                registered).contract();
        return new Loaded<>(contract, 1);
    }

    private static EventRef ref() {
        return new EventRef(UUID.randomUUID().toString(), Instant.parse("2031-08-01T00:00:00Z"));
    }

    /** Who holds the lease (null: nobody). */
    private String holder() {
        return mongo.getCollection(ProjectionLease.COLLECTION).find(new Document("_id", ProjectionLease.ID)).first().getString("holder");
    }

    private long version() {
        return mongo.getCollection(ProjectionLease.COLLECTION).find(new Document("_id", ProjectionLease.ID)).first()
                .get("version", Number.class).longValue();
    }

    private static boolean stillHeld(ProjectionLease.Hold hold) {
        try {
            hold.check();
            return true;
        } catch (ProjectionLease.LeaseLostException notRenewedYet) {
            return false;
        }
    }

    private Instant until() {
        Document lease = mongo.getCollection(ProjectionLease.COLLECTION).find(new Document("_id", ProjectionLease.ID)).first();
        return lease.get("until", Date.class).toInstant();
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
