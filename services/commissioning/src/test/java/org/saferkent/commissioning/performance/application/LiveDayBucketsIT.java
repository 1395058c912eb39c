package org.saferkent.commissioning.performance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.activity.adapter.in.messaging.AnsweredReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.FirstTimeEntrant;
import org.saferkent.commissioning.activity.adapter.in.messaging.LinkedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.MissedDeadline;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjClosure;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjOutcome;
import org.saferkent.commissioning.activity.adapter.in.messaging.RoutedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimClosure;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimContact;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimNeedsAssessment;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimOutcome;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimSupportPlan;
import org.saferkent.commissioning.activity.adapter.in.messaging.WithdrawnBreach;
import org.saferkent.commissioning.activity.application.ActivityProjection;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;
import org.saferkent.commissioning.activity.application.FactChange;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;
import org.saferkent.commissioning.activity.application.MemoryFacts;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractPeriod;
import org.saferkent.commissioning.contract.domain.NewContract;
import org.saferkent.commissioning.contract.domain.TargetTerms;
import org.saferkent.commissioning.performance.domain.ContractPerformance;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceCounts;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.commissioning.performance.domain.ReferenceContractPerformance;
import org.saferkent.commissioning.vocabulary.Pathways;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.workingdays.Quarter;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live refresh on the real store, each test in a database of its own: what it publishes is what
 * the facts give directly (the rules as they were before day buckets), whatever order and batches
 * facts arrive in, when a round is redone, and for a version stored before facts kept their days; and
 * a round reads what changed, not what is stored: ten times the history, the same documents read.
 */
class LiveDayBucketsIT {

    private static final PathwayScope SCOPE = new PathwayScope("restorative-justice", Set.of("youth-prevention"));
    private static final List<String> DISTRICTS = List.of("maidstone", "swale");
    private static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");

    private final ReadCounter reads = new ReadCounter();
    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectionVersions versions;
    private PerformanceStore store;
    private PerformanceRefresh refresh;
    private ProjectionLease.Hold hold;
    private ActivityProjection live;
    private MemoryFacts memory;
    private List<Loaded<Contract>> contracts;

    @BeforeEach
    void aStoreOfItsOwn() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(RealInfrastructure.get().mongoUri())).addCommandListener(reads).build());
        mongo = new MongoTemplate(client, "commissioning-buckets-" + UUID.randomUUID());
        versions = new ProjectionVersions(mongo);
        store = new PerformanceStore(mongo, JsonMapper.builder().build(), new FeedSequence(mongo),
                new org.saferkent.commissioning.performance.domain.PccDisclosure(
                        org.saferkent.platform.disclosure.DisclosureControl.withDefaultAudiences(), "pcc-office"));
        contracts = new ArrayList<>(List.of(
                contract("victims", List.of("victim-support", "domestic-abuse"), DISTRICTS, "2031-01-01", "2031-12-31"),
                contract("rj-youth", List.of("restorative-justice", "youth-prevention"), List.of("maidstone"), "2031-08-15", "2032-08-14"),
                contract("everything", Pathways.ALL, DISTRICTS, "2030-10-01", "2032-09-30"),
                contract("community", List.of("asb-case", "troubled-families", "substance-misuse"), DISTRICTS, "2031-04-01",
                        "2032-03-31")));
        refresh = newRefresh();
        refresh.ensureIndexes();
        hold = new ProjectionLease(mongo, Clock.systemUTC(), "refresh").hold(Duration.ofMinutes(5), Duration.ofMinutes(1));
        memory = new MemoryFacts();
        LiveFacts stored = LiveFacts.pinned(new IdempotentWrites(mongo), versions.current());
        live = new ActivityProjection((eventId, change) -> {
            stored.apply(eventId, change);
            memory.apply(eventId, change);
        }, SCOPE.restorativeJustice());
    }

    /** A refresh as a newly started instance has it: nothing in memory. */
    private PerformanceRefresh newRefresh() {
        return new PerformanceRefresh(mongo, versions, () -> contracts, store, new LiveFactsLoader(mongo), null,
                new ProjectionLease(mongo, Clock.systemUTC(), "refresh"), SCOPE, 60, Duration.ofMinutes(5), Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        hold.close();
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void whatTheRefreshPublishesIsWhatTheFactsGiveWhateverTheBatchesAndWhenARoundIsRedone() {
        List<Consumer<ActivityProjection>> events = partnership(new Random(2031), 220);
        Collections.shuffle(events, new Random(7));
        int chunk = events.size() / 5;
        for (int from = 0; from < events.size(); from += chunk) {
            events.subList(from, Math.min(events.size(), from + chunk)).forEach(event -> event.accept(live));
            settle();
            assertCellsAreWhatTheFactsGive();
        }
        Map<String, Object> sequences = storedCells();

        // a round killed before it cleared the flags is done again: the same buckets, the same cells, no new feed entry
        for (FactKind kind : FactKind.values()) {
            mongo.getCollection(kind.collection(versions.current())).updateMany(new Document(), new Document("$set",
                    new Document(LiveFacts.DIRTY, true)));
        }
        Map<Object, Document> buckets = buckets();
        settle();
        assertThat(buckets()).isEqualTo(buckets);
        assertThat(storedCells()).isEqualTo(sequences);
    }

    /**
     * The cells go out before the day buckets are written: a process killed between the two leaves the facts
     * dirty, and the next instance writes the buckets from them, with no new feed entry; a later cell of the
     * quarter, summed from the stored buckets, counts what the killed round counted.
     */
    @Test
    void aRoundKilledAfterItsCellsWentOutBeforeItsBucketsIsDoneAgainWithoutANewFeedEntry() {
        partnership(new Random(11), 60).forEach(event -> event.accept(live));
        settle();
        long routed = cell("victims").counts().referralsRouted();

        live.referralRouted(ref(), new RoutedReferral("r-killed", "maidstone", "victim-support", Instant.parse("2031-07-01T10:00:00Z")));
        refresh.buckets().beforeWrites = () -> {
            throw new IllegalStateException("killed");
        };
        assertThatThrownBy(() -> refresh.refresh(versions.current(), hold)).hasMessage("killed");
        assertThat(cell("victims").counts().referralsRouted()).as("the cell went out").isEqualTo(routed + 1);
        Map<String, Object> published = storedCells();

        refresh = newRefresh();
        settle();
        assertThat(storedCells()).as("the same cells, no new sequence").isEqualTo(published);

        live.referralRouted(ref(), new RoutedReferral("r-after", "maidstone", "victim-support", Instant.parse("2031-07-20T10:00:00Z")));
        settle();
        assertThat(cell("victims").counts().referralsRouted()).as("summed from the stored bucket of the killed round's day")
                .isEqualTo(routed + 2);
        assertCellsAreWhatTheFactsGive();
    }

    @Test
    void aVersionStoredBeforeFactsKeptTheirDaysGetsItsBucketsOnceAndGoesOn() {
        partnership(new Random(99), 150).forEach(event -> event.accept(live));
        int version = versions.current();
        for (FactKind kind : FactKind.values()) {
            mongo.getCollection(kind.collection(version)).updateMany(new Document(), new Document("$unset",
                    new Document(FactChange.DAYS, "")));
        }
        mongo.getCollection(DayBuckets.collection(version)).drop();
        DayBuckets buckets = new DayBuckets(mongo, new LiveFactsLoader(mongo));
        buckets.ensureIndexes(version);

        buckets.buildIfMissing(version, () -> { });

        assertThat(buckets.built(version)).isTrue();
        for (FactKind kind : FactKind.values()) {
            assertThat(mongo.getCollection(kind.collection(version)).countDocuments(new Document(FactChange.DAYS,
                    new Document("$exists", true)))).as("facts with days").isPositive();
        }
        assertThat(mongo.getCollection(FactKind.REFERRAL.collection(version)).countDocuments(new Document(FactChange.DAYS,
                new Document("$exists", false)).append("routedOn", new Document("$exists", true)))).as("every fact got its days").isZero();
        settle();
        assertCellsAreWhatTheFactsGive();
        // facts change on: their days' buckets are recomputed from the days the facts got
        partnership(new Random(100), 60).forEach(event -> event.accept(live));
        settle();
        assertCellsAreWhatTheFactsGive();
    }

    @Test
    void aVictimCaseCountsForTheOtherVictimsPathwayItsReferralIsRoutedToLater() {
        contracts.add(contract("domestic-abuse-only", List.of("domestic-abuse"), DISTRICTS, "2031-01-01", "2031-12-31"));
        Instant opened = Instant.parse("2031-07-01T10:00:00Z");
        live.referralRouted(ref(), new RoutedReferral("r-both", "maidstone", "victim-support", opened));
        live.victimCaseOpened(ref(), new VictimCaseOpening("vc-both", "r-both", "maidstone", "victim-support", opened, false,
                opened.plus(Duration.ofDays(3))));
        live.victimContacted(ref(), new VictimContact("vc-both", "maidstone", true, true, opened.plusSeconds(3600), opened.plusSeconds(3600)));
        live.victimNeedsAssessed(ref(), new VictimNeedsAssessment("vc-both", "maidstone", opened.plus(Duration.ofDays(2))));
        settle();
        assertThat(cell("domestic-abuse-only").counts().victimCasesOpened()).as("victim support only, so far").isZero();

        // a month later the referral is routed to domestic abuse as well: victims keeps one case, which serves both
        live.referralRouted(ref(), new RoutedReferral("r-both", "maidstone", "domestic-abuse", opened.plus(Duration.ofDays(30))));
        settle();

        PerformanceSnapshot domesticAbuse = cell("domestic-abuse-only");
        assertThat(domesticAbuse.counts().victimCasesOpened()).isEqualTo(1);
        assertThat(domesticAbuse.counts().victimsSupported()).as("contact made, needs assessed").isEqualTo(1);
        assertThat(domesticAbuse.counts().firstContactsDue()).isEqualTo(1);
        assertThat(cell("victims").counts().victimCasesOpened()).as("once for a contract covering both").isEqualTo(1);
        assertThat(cell("victims").counts().victimsSupported()).isEqualTo(1);
        assertCellsAreWhatTheFactsGive();
    }

    /**
     * A first contact made in time but recorded after the deadline scan had announced it missed: victims withdraws the
     * breach, and the contract counts the contact as within the deadline and no deadline as missed.
     */
    @Test
    void aBreachWithdrawnCountsTheContactAsMadeInTime() {
        Instant opened = Instant.parse("2031-07-06T10:00:00Z");
        Instant due = opened.plus(Duration.ofDays(2));
        live.referralRouted(ref(), new RoutedReferral("r-late", "maidstone", "victim-support", opened));
        live.victimCaseOpened(ref(), new VictimCaseOpening("vc-late", "r-late", "maidstone", "victim-support", opened, true, due));
        live.victimDeadlineMissed(ref(), new MissedDeadline("vc-late", "maidstone", "first-contact", due, due.plusSeconds(60)));
        settle();
        assertThat(cell("victims").counts().deadlinesMissed()).as("the scan's breach, before the contact was recorded").isEqualTo(1);
        assertThat(cell("victims").counts().contactedWithinDeadline()).isZero();

        Instant made = due.minus(Duration.ofHours(2));
        live.victimContacted(ref(), new VictimContact("vc-late", "maidstone", true, true, made, due.plus(Duration.ofHours(3))));
        live.victimDeadlineBreachWithdrawn(ref(), new WithdrawnBreach("vc-late", "maidstone", "first-contact", due, made));
        settle();

        PerformanceCounts counts = cell("victims").counts();
        assertThat(counts.firstContactsDue()).isEqualTo(1);
        assertThat(counts.contactedWithinDeadline()).isEqualTo(1);
        assertThat(counts.deadlinesMissed()).isZero();
        assertCellsAreWhatTheFactsGive();
    }

    private PerformanceSnapshot cell(String contractId) {
        Document stored = store.forDistrict(versions.current(), "maidstone", List.of("2031-Q3"))
                .get(PerformanceSnapshot.key(contractId, "maidstone", "2031-Q3"));
        assertThat(stored).as("the cell of %s", contractId).isNotNull();
        return store.snapshot(stored);
    }

    @Test
    void aRoundReadsWhatChangedNotWhatIsStored() {
        assertReadsTheSameWithTenTimesMore("documents read by the round after one referral, with ten times the history",
                this::readsOfOneNewReferral);
    }

    @Test
    void aRoundOnABusyDayItKeepsReadsTheFactsThatChangedNotTheDaysOthers() {
        assertReadsTheSameWithTenTimesMore("documents read by the round after one more referral on a day with ten times the referrals",
                this::readsOfOneMoreOnABusyDay);
    }

    /**
     * A round sums its cells from the buckets of their windows (a quarter's days, and the same quarter a year before),
     * kept from the rounds before it: after one more referral it reads no bucket from the store, where it read a few
     * hundred each round, for each district it touched. A new instance, keeping nothing, reads the windows once.
     */
    @Test
    void aRoundAfterOneMoreReferralReadsNoBucketOfItsWindowsAgain() {
        partnership(new Random(5), 120).forEach(event -> event.accept(live));
        live.referralRouted(ref(), new RoutedReferral("r-warm", "maidstone", "victim-support", Instant.parse("2031-08-20T10:00:00Z")));
        settle();
        String buckets = DayBuckets.collection(versions.current());

        live.referralRouted(ref(), new RoutedReferral("r-one-more", "maidstone", "victim-support", Instant.parse("2031-08-21T10:00:00Z")));
        reads.reset();
        refresh.refresh(versions.current(), hold);
        assertThat(reads.of(buckets)).as("buckets read by the round after one more referral").isZero();
        assertCellsAreWhatTheFactsGive();

        refresh = newRefresh();
        live.referralRouted(ref(), new RoutedReferral("r-and-another", "maidstone", "victim-support", Instant.parse("2031-08-22T10:00:00Z")));
        reads.reset();
        refresh.refresh(versions.current(), hold);
        assertThat(reads.of(buckets)).as("buckets read by a new instance's first round").isPositive();
        assertCellsAreWhatTheFactsGive();
    }

    /**
     * The dirty flags of the facts a round counted are not cleared by every round (a write for each kind of fact it
     * counted) but by the first round that finds nothing new: meanwhile a round does not count them again, unless
     * one was touched since, and the cells are right throughout.
     */
    @Test
    void theFlagsOfCountedFactsAreClearedTogetherByARoundThatFindsNothingNew() {
        partnership(new Random(3), 40).forEach(event -> event.accept(live));
        settle();
        String facts = FactKind.REFERRAL.collection(versions.current());
        Instant on = Instant.parse("2031-08-20T10:00:00Z");

        live.referralRouted(ref(), new RoutedReferral("r-counted", "maidstone", "victim-support", on));
        refresh.refresh(versions.current(), hold);
        assertCellsAreWhatTheFactsGive();
        assertThat(dirty(facts)).as("flags left set by the round that counted them").isEqualTo(1);

        // the same referral touched again (accepted): counted again by the next round, whose flag stays set too
        live.referralAccepted(ref(), new AnsweredReferral("r-counted", "victim-support", "maidstone", on.plusSeconds(60), null, null));
        reads.reset();
        refresh.refresh(versions.current(), hold);
        assertThat(reads.of(facts)).as("the fact read again: found dirty, and counted by id").isGreaterThan(1);
        assertCellsAreWhatTheFactsGive();
        assertThat(dirty(facts)).isEqualTo(1);

        // a round that finds nothing new clears them, and counts nothing again
        reads.reset();
        refresh.refresh(versions.current(), hold);
        assertThat(reads.of(facts)).as("only the dirty fact found, none loaded to count").isEqualTo(1);
        assertThat(dirty(facts)).as("flags after a round that found nothing new").isZero();
        assertCellsAreWhatTheFactsGive();
    }

    private long dirty(String collection) {
        return mongo.getCollection(collection).countDocuments(new Document(LiveFacts.DIRTY, true));
    }

    /** The documents {@code reads} counts with 40 facts, then in a store of its own with 400: the same. */
    private void assertReadsTheSameWithTenTimesMore(String what, java.util.function.BiFunction<Integer, String, Long> reads) {
        long fewer = reads.apply(40, "a");
        close();
        aStoreOfItsOwn();
        long tenTimesMore = reads.apply(400, "b");

        assertThat(tenTimesMore).as(what).isEqualTo(fewer);
    }

    /** {@code onTheDay} referrals with their victim cases in maidstone on one day, counted; then one more the same day. */
    private long readsOfOneMoreOnABusyDay(int onTheDay, String prefix) {
        Instant on = Instant.parse("2031-08-20T10:00:00Z");
        for (int i = 0; i <= onTheDay; i++) {
            if (i == onTheDay) {
                settle();
                assertThat(refresh.hot().size()).as("the day's referrals and cases, kept").isEqualTo(2 * onTheDay);
            }
            String id = prefix + "-r" + i;
            live.referralRouted(ref(), new RoutedReferral(id, "maidstone", "victim-support", on));
            live.victimCaseOpened(ref(), new VictimCaseOpening("vc-" + id, id, "maidstone", "victim-support", on, false,
                    on.plus(Duration.ofDays(3))));
        }
        reads.reset();
        refresh.refresh(versions.current(), hold);
        long read = reads.total();

        PerformanceSnapshot cell = cell("victims");
        assertThat(cell.counts().referralsRouted()).isEqualTo(onTheDay + 1);
        assertThat(cell.counts().victimCasesOpened()).isEqualTo(onTheDay + 1);
        assertCellsAreWhatTheFactsGive();
        return read;
    }

    /**
     * A holder keeps its days while the lease passes from it to itself; after another holder (which took the
     * changes meanwhile and cleared their flags) it reads the days whole again, and counts what that holder saw.
     */
    @Test
    void aHolderAfterAnotherReadsTheDaysWholeAgain() {
        ProjectionLease one = new ProjectionLease(mongo, Clock.systemUTC(), "refresh");
        ProjectionLease other = new ProjectionLease(mongo, Clock.systemUTC(), "refresh");
        PerformanceRefresh otherRefresh = new PerformanceRefresh(mongo, versions, () -> contracts, store, new LiveFactsLoader(mongo),
                null, other, SCOPE, 60, Duration.ofMinutes(5), Duration.ofMinutes(1));
        hold.close();
        partnership(new Random(5), 80).forEach(event -> event.accept(live));
        hold = one.hold(Duration.ofMinutes(5), Duration.ofMinutes(1));
        settle();
        hold.close();

        hold = one.hold(Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThat(hold.followsOwn()).as("taken back from itself").isTrue();
        partnership(new Random(6), 20).forEach(event -> event.accept(live));
        settle();
        assertThat(refresh.hot().size()).isPositive();
        assertCellsAreWhatTheFactsGive();
        hold.close();

        try (ProjectionLease.Hold between = other.hold(Duration.ofMinutes(5), Duration.ofMinutes(1))) {
            partnership(new Random(7), 40).forEach(event -> event.accept(live));
            for (int round = 0; round < 200 && otherRefresh.refresh(versions.current(), between); round++) {
                // a full batch: there may be more
            }
            otherRefresh.refresh(versions.current(), between);
        }
        hold = one.hold(Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThat(hold.followsOwn()).as("taken after another holder").isFalse();
        partnership(new Random(8), 20).forEach(event -> event.accept(live));
        settle();
        assertCellsAreWhatTheFactsGive();
    }

    /** Stores {@code history} referrals and victim cases in maidstone over 30 days of 2031-Q3 and of other quarters, then one new referral. */
    private long readsOfOneNewReferral(int history, String prefix) {
        for (int i = 0; i < history; i++) {
            String id = prefix + "-r" + i;
            Instant on = Instant.parse("2031-07-01T10:00:00Z").plus(Duration.ofDays(i % 30));
            Instant otherQuarter = Instant.parse("2031-04-01T10:00:00Z").plus(Duration.ofDays(i % 30));
            live.referralRouted(ref(), new RoutedReferral(id, "maidstone", "victim-support", on));
            live.referralRouted(ref(), new RoutedReferral(id + "-old", "maidstone", "domestic-abuse", otherQuarter));
            live.victimCaseOpened(ref(), new VictimCaseOpening("vc-" + id, id, "maidstone", "victim-support", on, false,
                    on.plus(Duration.ofDays(3))));
        }
        settle();
        live.referralRouted(ref(), new RoutedReferral(prefix + "-new", "maidstone", "victim-support", Instant.parse("2031-08-20T10:00:00Z")));

        reads.reset();
        refresh.refresh(versions.current(), hold);
        long read = reads.total();

        PerformanceSnapshot cell = store.snapshot(store.forDistrict(versions.current(), "maidstone", List.of("2031-Q3"))
                .get(PerformanceSnapshot.key("victims", "maidstone", "2031-Q3")));
        assertThat(cell.counts().referralsRouted()).as("the whole history counts").isEqualTo(history + 1);
        assertThat(cell.counts().victimCasesOpened()).isEqualTo(history);
        assertThat(reads.of(FactKind.REFERRAL.collection(versions.current()))).as("the new referral, found dirty, by its day and by id")
                .isLessThanOrEqualTo(4);
        return read;
    }

    private void settle() {
        for (int round = 0; round < 200 && refresh.refresh(versions.current(), hold); round++) {
            // a full batch: there may be more
        }
        refresh.refresh(versions.current(), hold);
        for (FactKind kind : FactKind.values()) {
            assertThat(mongo.getCollection(kind.collection(versions.current())).countDocuments(new Document(LiveFacts.DIRTY, true)))
                    .isZero();
        }
    }

    private void assertCellsAreWhatTheFactsGive() {
        Map<String, DistrictFacts> facts = FactReader.byDistrict(memory::forEach);
        int compared = 0;
        for (Loaded<Contract> contract : contracts) {
            ContractTerms terms = ContractTermsSource.terms(contract.state());
            for (String district : terms.districts()) {
                DistrictFacts districtFacts = facts.getOrDefault(district, DistrictFacts.none());
                for (Quarter quarter : terms.quarters()) {
                    Document stored = store.forDistrict(versions.current(), district, List.of(quarter.toString()))
                            .get(PerformanceSnapshot.key(terms.contractId(), district, quarter.toString()));
                    PerformanceSnapshot expected = ContractPerformance.of(terms, district, quarter, districtFacts, SCOPE);
                    assertThat(expected.counts()).as("the rules as they were")
                            .isEqualTo(ReferenceContractPerformance.counts(terms, district, quarter, opened(districtFacts), SCOPE));
                    if (stored == null) {
                        // never touched by a fact: nothing happened there
                        assertThat(expected.counts().referralsRouted() + expected.counts().victimsSupported()
                                + expected.counts().rjCasesOpened() + expected.counts().firstTimeEntrants()
                                + expected.counts().duplicatesLinked()).as("%s %s %s", terms.contractId(), district, quarter).isZero();
                        continue;
                    }
                    assertThat(store.snapshot(stored)).as("%s %s %s", terms.contractId(), district, quarter).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10);
    }

    /**
     * Without the victim cases whose opening has not arrived yet (no pathway): they count for nothing,
     * and the rules as they were failed on them (a null pathway looked up in the contract's set).
     */
    private static DistrictFacts opened(DistrictFacts facts) {
        return new DistrictFacts(facts.referrals(), facts.links(), facts.routedPathways(), facts.linkedReferralIds(),
                facts.victimCases().stream().filter(victimCase -> !victimCase.pathways().isEmpty()).toList(), facts.rjCases(),
                facts.firstTimeEntrants());
    }

    private Map<String, Object> storedCells() {
        Map<String, Object> cells = new TreeMap<>();
        mongo.getCollection(PerformanceStore.collection(versions.current())).find()
                .forEach(doc -> cells.put(doc.getString("_id"), List.of(doc.get(PerformanceStore.SEQUENCE), doc.get(PerformanceStore.SNAPSHOT))));
        return cells;
    }

    private Map<Object, Document> buckets() {
        Map<Object, Document> buckets = new TreeMap<>();
        mongo.getCollection(DayBuckets.collection(versions.current())).find().forEach(doc -> buckets.put(doc.get("_id"), doc));
        return buckets;
    }

    /**
     * A partnership's year and a half: referrals on one to three pathways (some answered days later,
     * across quarter ends), duplicates (some of referrals routed later, some of referrals that are
     * themselves duplicates' targets), victim cases with contacts, missed deadlines and outcomes
     * (recorded twice), restorative justice cases and first-time entrants (superseded, of all ages).
     */
    private static List<Consumer<ActivityProjection>> partnership(Random random, int referrals) {
        List<Consumer<ActivityProjection>> events = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            String id = "r" + random.nextLong();
            String district = pick(random, DISTRICTS);
            Instant routed = day(random);
            List<String> pathways = new ArrayList<>(Pathways.ALL);
            Collections.shuffle(pathways, random);
            for (String pathway : pathways.subList(0, 1 + random.nextInt(3))) {
                Instant on = random.nextInt(3) == 0 ? routed.plus(Duration.ofDays(random.nextInt(40))) : routed;
                events.add(p -> p.referralRouted(ref(), new RoutedReferral(id, district, pathway, on)));
                Instant answered = on.plus(Duration.ofDays(random.nextInt(30)));
                switch (random.nextInt(3)) {
                    case 0 -> events.add(p -> p.referralAccepted(ref(), new AnsweredReferral(id, pathway, district, answered, null, null)));
                    case 1 -> events.add(p -> p.referralDeclined(ref(), new AnsweredReferral(id, pathway, district, null, answered, null)));
                    default -> { }
                }
            }
            if (random.nextInt(6) == 0) {
                String duplicate = "d" + random.nextLong();
                Instant linkedAt = day(random);
                String where = pick(random, DISTRICTS);
                events.add(p -> p.referralLinked(ref(), new LinkedReferral(duplicate, id, where, linkedAt)));
            }
            if (random.nextInt(12) == 0) {
                // a referral that turns out to be a duplicate itself
                Instant linkedAt = routed.plus(Duration.ofDays(1));
                String earlier = "r-earlier-" + random.nextInt(3);
                events.add(p -> p.referralLinked(ref(), new LinkedReferral(id, earlier, district, linkedAt)));
            }
            if (random.nextInt(2) == 0) {
                String caseId = "vc-" + id;
                String pathway = pathways.get(0);
                Instant opened = routed.plus(Duration.ofDays(random.nextInt(5)));
                Instant due = opened.plus(Duration.ofDays(2 + random.nextInt(5)));
                events.add(p -> p.victimCaseOpened(ref(), new VictimCaseOpening(caseId, id, district, pathway, opened, false, due)));
                if (Pathways.VICTIM_SERVICES.contains(pathway) && random.nextInt(3) == 0) {
                    // the referral routed to the other victims pathway too (maybe a quarter later): the same case serves both
                    String other = Pathways.VICTIM_SERVICES.get(1 - Pathways.VICTIM_SERVICES.indexOf(pathway));
                    Instant later = routed.plus(Duration.ofDays(random.nextInt(100)));
                    events.add(p -> p.referralRouted(ref(), new RoutedReferral(id, district, other, later)));
                }
                if (random.nextInt(3) > 0) {
                    Instant assessedAt = opened.plus(Duration.ofDays(random.nextInt(40)));
                    events.add(p -> p.victimNeedsAssessed(ref(), new VictimNeedsAssessment(caseId, district, assessedAt)));
                }
                if (random.nextBoolean()) {
                    Instant agreedAt = opened.plus(Duration.ofDays(random.nextInt(60)));
                    events.add(p -> p.victimSupportPlanAgreed(ref(), new VictimSupportPlan(caseId, district, agreedAt)));
                }
                if (random.nextInt(3) == 0) {
                    Instant closedAt = opened.plus(Duration.ofDays(random.nextInt(150)));
                    String reason = pick(random, List.of("completed", "declined-support", "unable-to-contact", "moved-away"));
                    events.add(p -> p.victimCaseClosed(ref(), new VictimClosure(caseId, district, reason, closedAt)));
                }
                switch (random.nextInt(3)) {
                    case 0 -> {
                        boolean inTime = random.nextBoolean();
                        Instant contactAt = opened.plus(Duration.ofDays(random.nextInt(8)));
                        events.add(p -> p.victimContacted(ref(), new VictimContact(caseId, district, true, inTime, contactAt, contactAt)));
                    }
                    case 1 -> events.add(p -> p.victimDeadlineMissed(ref(), new MissedDeadline(caseId, district, "first-contact", due, due)));
                    default -> { }
                }
                if (random.nextInt(4) == 0) {
                    Instant missedDue = opened.plus(Duration.ofDays(30 + random.nextInt(30)));
                    events.add(p -> p.victimDeadlineMissed(ref(), new MissedDeadline(caseId, district, "rj-information", missedDue, missedDue)));
                }
                for (int outcome = random.nextInt(3); outcome > 0; outcome--) {
                    Instant recorded = opened.plus(Duration.ofDays(random.nextInt(120)));
                    Map<String, String> needs = Map.of("drugs-alcohol", pick(random, List.of("improved", "sustained", "not-improved")),
                            "finance-benefits", pick(random, List.of("improved", "not-improved")));
                    boolean coped = random.nextBoolean();
                    events.add(p -> p.victimOutcomeRecorded(ref(), new VictimOutcome(caseId, district, needs, coped, recorded)));
                }
            }
            if (random.nextInt(4) == 0) {
                String caseId = "rj-" + id;
                Instant opened = routed.plus(Duration.ofDays(random.nextInt(10)));
                String referralId = random.nextBoolean() ? id : null;
                events.add(p -> p.rjCaseOpened(ref(), new RjCaseOpening(caseId, referralId, district, "yos", opened)));
                if (random.nextBoolean()) {
                    Instant closed = opened.plus(Duration.ofDays(random.nextInt(120)));
                    String reason = pick(random, List.of("completed", "failed", "consent-withdrawn"));
                    events.add(p -> p.rjCaseClosed(ref(), new RjClosure(caseId, district, reason, null, closed)));
                }
                if (random.nextBoolean()) {
                    Instant recorded = opened.plus(Duration.ofDays(random.nextInt(120)));
                    Integer score = random.nextInt(3) == 0 ? null : 1 + random.nextInt(5);
                    Boolean recommends = random.nextInt(3) == 0 ? null : random.nextBoolean();
                    events.add(p -> p.rjOutcomeRecorded(ref(), new RjOutcome(caseId, district, score, recommends, recorded)));
                }
            }
            if (random.nextInt(2) == 0) {
                String disposal = "f-" + id;
                LocalDate on = LocalDate.ofInstant(day(random), ZoneOffset.UTC);
                int age = 8 + random.nextInt(12);
                String supersedes = random.nextInt(6) == 0 ? "f-earlier-" + random.nextInt(5) : null;
                events.add(p -> p.firstTimeEntrantRecorded(ref(), new FirstTimeEntrant(disposal, district, null, on, age, supersedes, NOW)));
            }
        }
        // the referrals duplicates were linked to before they were routed
        for (int i = 0; i < 3; i++) {
            String id = "r-earlier-" + i;
            Instant on = day(random);
            events.add(p -> p.referralRouted(ref(), new RoutedReferral(id, "maidstone", "victim-support", on)));
        }
        return events;
    }

    private static Instant day(Random random) {
        return Instant.parse("2030-07-01T09:00:00Z").plus(Duration.ofDays(random.nextInt(820)));
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static EventRef ref() {
        return new EventRef(UUID.randomUUID().toString(), NOW);
    }

    private static Loaded<Contract> contract(String id, List<String> pathways, List<String> districts, String start, String end) {
        Contract contract = Contract.register(id, new NewContract("Provider " + id, "Service", pathways, districts,
                new ContractPeriod(LocalDate.parse(start), LocalDate.parse(end)), 36_500_000,
                List.of(new TargetTerms("contacted-within-deadline-share", new BigDecimal("0.9"), new BigDecimal("0.05")),
                        new TargetTerms("fte-reduction", new BigDecimal("0.1"), BigDecimal.ZERO))), NOW).contract();
        return new Loaded<>(contract, 1);
    }

    /** Documents the store returned to queries (first batches and further ones), by collection. */
    private static final class ReadCounter implements CommandListener {

        private final Map<Integer, String> collections = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> read = new ConcurrentHashMap<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            if ("find".equals(event.getCommandName())) {
                collections.put(event.getRequestId(), command.getString("find").getValue());
            } else if ("getMore".equals(event.getCommandName())) {
                collections.put(event.getRequestId(), command.getString("collection").getValue());
            }
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            String collection = collections.remove(event.getRequestId());
            if (collection == null) {
                return;
            }
            BsonDocument cursor = event.getResponse().getDocument("cursor");
            long documents = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch").size()
                    : cursor.getArray("nextBatch").size();
            read.computeIfAbsent(collection, c -> new AtomicLong()).addAndGet(documents);
        }

        void reset() {
            read.clear();
        }

        long total() {
            return read.values().stream().mapToLong(AtomicLong::get).sum();
        }

        long of(String collection) {
            AtomicLong count = read.get(collection);
            return count == null ? 0 : count.get();
        }
    }
}
