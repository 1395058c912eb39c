package org.saferkent.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.partnership.assessment.application.StrategicAssessments;
import org.saferkent.partnership.framework.application.FrameworkFacts;
import org.saferkent.partnership.framework.application.FrameworkFacts.SubjectReferral;
import org.saferkent.partnership.panel.application.CommissioningFigures;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.DisclosureRule;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.IdempotentWrites.Change;
import org.saferkent.platform.test.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the partnership's batch consumers write for a poll, on the real store, each test in a database of its own with
 * the store's write commands counted: one bulk write per collection whatever the batch holds, the same stored results
 * as event by event, and a batch written again (as after a crash between the write and the offsets' commit) changes
 * nothing.
 */
class BatchWritesIT {

    private static final String SUBJECTS = "framework_da_subjects";
    private static final String FACTS = FrameworkFacts.FACTS;
    private static final String FIGURES = "panel_commissioning";
    private static final String ALICE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String BEA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private final WriteCommands commands = new WriteCommands();
    private MongoClient client;
    private MongoTemplate mongo;
    private String database;

    @BeforeEach
    void aStoreOfItsOwn() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(RealInfrastructure.get().mongoUri())).addCommandListener(commands)
                .build());
        database = "partnership-batch-" + UUID.randomUUID();
        mongo = new MongoTemplate(client, database);
    }

    @AfterEach
    void close() {
        client.getDatabase(database).drop();
        client.close();
    }

    @Test
    void repeatReferralsAreClassifiedWithOneBulkWritePerCollectionOnlyChangedFactsWrittenAndABatchAgainChangesNothing() {
        FrameworkFacts facts = new FrameworkFacts(new IdempotentWrites(mongo), mongo);
        // Alice referred three times in 2019 (the latest first), Bea once; a burglary and an offender are not counted
        List<SubjectReferral> batch = staged(
                facts.referralRouted(newId(), "r3", "dover", "domestic-abuse", "victim", ALICE, at("2019-08-01")),
                facts.referralRouted(newId(), "r1", "dover", "domestic-abuse", "victim", ALICE, at("2019-02-01")),
                facts.referralRouted(newId(), "r9", "thanet", "domestic-abuse", "victim", BEA, at("2019-03-01")),
                facts.referralRouted(newId(), "r2", "dover", "domestic-abuse", "victim", ALICE, at("2019-06-01")),
                facts.referralRouted(newId(), "r8", "dover", "burglary", "victim", BEA, at("2019-04-01")),
                facts.referralRouted(newId(), "r7", "dover", "domestic-abuse", "offender", BEA, at("2019-04-02")));
        assertThat(batch).hasSize(4);

        commands.reset();
        facts.referralsRouted(batch);
        assertThat(hits()).containsExactly(entry("r1", false), entry("r2", true), entry("r3", true), entry("r9", false));
        assertThat(commands.writes()).as("write commands by collection").containsOnly(entry(SUBJECTS, 1L), entry(FACTS, 1L));
        assertThat(commands.statements(FACTS)).as("facts upserted").isEqualTo(4);
        List<Document> subjects = all(SUBJECTS);
        List<Document> classified = all(FACTS);

        commands.reset();
        facts.referralsRouted(batch); // the same batch delivered again
        assertThat(all(SUBJECTS)).as("each referral recorded once").isEqualTo(subjects);
        assertThat(all(FACTS)).isEqualTo(classified);
        assertThat(commands.statements(FACTS)).as("no fact written again").isZero();

        // later: Alice referred again within the year (a new fact), and an earlier referral of hers arriving late makes
        // her first one a repeat (a changed fact); the others are as they were, and are not written
        commands.reset();
        facts.referralsRouted(staged(
                facts.referralRouted(newId(), "r4", "dover", "domestic-abuse", "victim", ALICE, at("2020-01-10")),
                facts.referralRouted(newId(), "r0", "dover", "domestic-abuse", "victim", ALICE, at("2019-01-05"))));
        assertThat(hits()).containsExactly(entry("r0", false), entry("r1", true), entry("r2", true), entry("r3", true),
                entry("r4", true), entry("r9", false));
        assertThat(commands.statements(FACTS)).as("r0 and r4 new, r1 changed").isEqualTo(3);
        assertThat(mongo.getCollection(FACTS).find(new Document("_id", "repeat-domestic-abuse-referrals:r4")).first())
                .containsEntry("year", 2020).containsEntry("district", "dover");
        assertThat(all(SUBJECTS).toString()).doesNotContain(ALICE).doesNotContain(BEA);
    }

    @Test
    void victimsAndRjFactsAreOneBulkWriteAndABatchWrittenAgainChangesNothing() {
        FrameworkFacts facts = new FrameworkFacts(new IdempotentWrites(mongo), mongo);
        List<Change> batch = staged(
                facts.victimContacted(newId(), "vc-1", "dover", true, true, at("2019-04-10")),
                facts.victimContacted(newId(), "vc-2", "dover", true, false, at("2019-04-11")),
                facts.victimContacted(newId(), "vc-2", "dover", false, null, at("2019-04-12")),
                facts.rjCaseClosed(newId(), "rj-1", "thanet", "completed", at("2019-09-01")),
                facts.rjCaseClosed(newId(), "rj-2", "atlantis", "completed", at("2019-09-01")));
        assertThat(batch).as("a later contact and an unknown district do not count").hasSize(3);

        commands.reset();
        facts.applyFacts(batch);
        assertThat(commands.writes()).containsOnly(entry(FACTS, 1L));
        List<Document> written = all(FACTS);
        assertThat(written).extracting(d -> d.getString("_id") + "=" + d.getBoolean("hit")).containsExactly(
                "rj-completion:rj-1=true", "victims-contacted-within-code:vc-1=true", "victims-contacted-within-code:vc-2=false");

        facts.applyFacts(batch);
        assertThat(all(FACTS)).as("each event's marker once, nothing else changed").isEqualTo(written);
    }

    @Test
    void aFirstTimeEntrySupersededInTheSameBatchStopsCountingWhicheverIsWrittenFirst() {
        FrameworkFacts facts = new FrameworkFacts(new IdempotentWrites(mongo), mongo);
        java.time.LocalDate september = java.time.LocalDate.of(2021, 9, 1);
        java.time.LocalDate july = java.time.LocalDate.of(2021, 7, 1);
        // the superseding event staged first, then the entry it supersedes (an unordered bulk write may apply either first)
        List<Change> batch = new ArrayList<>(facts.firstTimeEntrantRecorded(newId(), "fte-late", "ashford", july, "fte-sep"));
        batch.addAll(facts.firstTimeEntrantRecorded(newId(), "fte-sep", "ashford", september, null));
        batch.addAll(facts.firstTimeEntrantRecorded(newId(), "fte-x", "atlantis", september, null));
        assertThat(batch).as("an unknown district does not count").hasSize(3);

        commands.reset();
        facts.applyFacts(batch);
        assertThat(commands.writes()).containsOnly(entry(FACTS, 1L));
        List<Document> written = all(FACTS);
        assertThat(written).extracting(d -> d.getString("_id") + "=" + d.getBoolean("hit")).containsExactly(
                "first-time-entrants:fte-late=true", "first-time-entrants:fte-sep=false");
        assertThat(written.get(0)).containsEntry("year", 2021).containsEntry("financialYear", 2021).containsEntry("on", "2021-07-01");

        facts.applyFacts(batch);
        assertThat(all(FACTS)).as("a batch delivered again changes nothing").isEqualTo(written);
    }

    @Test
    void referralsCountedAndMarkedDuplicateAreOneBulkWriteAndABatchWrittenAgainChangesNothing() {
        StrategicAssessments assessments = new StrategicAssessments(mongo, new IdempotentWrites(mongo),
                new DisclosureControl(Map.of("strategic-assessment", DisclosureRule.SUPPRESS_UNDER_FIVE)),
                "strategic-assessment", Clock.systemUTC());
        // ref-b's link arrives before its own event, in the same batch
        List<Change> batch = List.of(
                assessments.duplicateMarked(newId(), "ref-b"),
                assessments.referralCounted(newId(), "ref-a", District.fromCode("dover").orElseThrow(), "burglary", at("2031-05-01")),
                assessments.referralCounted(newId(), "ref-b", District.fromCode("dover").orElseThrow(), "burglary", at("2031-05-02")));

        commands.reset();
        assertThat(assessments.applyReferrals(batch)).isEqualTo(3);
        assertThat(commands.writes()).containsOnly(entry(StrategicAssessments.REFERRALS, 1L));
        List<Document> written = all(StrategicAssessments.REFERRALS);
        assertThat(written.get(0)).containsEntry("_id", "ref-a").containsEntry("district", "dover").containsEntry("year", 2031)
                .containsEntry("month", 5).containsEntry("category", "burglary").doesNotContainKey("duplicate");
        assertThat(written.get(1)).containsEntry("_id", "ref-b").containsEntry("duplicate", true)
                .containsEntry("district", "dover").containsEntry("month", 5);

        assertThat(assessments.applyReferrals(batch)).as("applied before").isZero();
        assertThat(all(StrategicAssessments.REFERRALS)).as("each event's marker once, nothing else changed").isEqualTo(written);
    }

    @Test
    void aFeedBatchWritesTheLatestEntryPerKeyInOneBulkWriteAndNeverAnOlderOne() {
        CommissioningFigures figures = new CommissioningFigures(mongo);
        commands.reset();
        figures.recordAll(staged(feedEntry(figures, 5, "k1", 5), feedEntry(figures, 7, "k1", 7), feedEntry(figures, 6, "k1", 6),
                feedEntry(figures, 3, "k2", 3), figures.entry(4L, "k3", "atlantis", "2031-Q1", false, Map.of())));
        assertThat(commands.writes()).containsOnly(entry(FIGURES, 1L));
        assertThat(commands.statements(FIGURES)).as("one upsert per key").isEqualTo(2);
        assertThat(sequences()).containsExactly(entry("k1", 7L), entry("k2", 3L));
        List<Document> written = all(FIGURES);

        // delivered again: nothing changes, and the duplicate keys (the keys hold these sequences) fail nothing
        figures.recordAll(staged(feedEntry(figures, 5, "k1", 5), feedEntry(figures, 7, "k1", 7), feedEntry(figures, 3, "k2", 3)));
        assertThat(all(FIGURES)).isEqualTo(written);

        // an older entry of k1 (newer kept) in the same bulk as a newer one of k2 (applied)
        figures.recordAll(staged(feedEntry(figures, 4, "k1", 4), feedEntry(figures, 8, "k2", 8)));
        assertThat(sequences()).containsExactly(entry("k1", 7L), entry("k2", 8L));
        assertThat(figures.financialYear(2030).get("referralsRouted").get("dover").get("2031-Q1")).as("7 + 8").isEqualTo(15);
    }

    // ---------------------------------------------------------------- helpers

    private static CommissioningFigures.Entry feedEntry(CommissioningFigures figures, long sequence, String key, int routed) {
        return figures.entry(sequence, key, "dover", "2031-Q1", false, Map.of("referralsRouted", routed));
    }

    /** The staged events, leaving out those that do not count (null). */
    @SafeVarargs
    private static <T> List<T> staged(T... events) {
        List<T> staged = new ArrayList<>();
        for (T event : events) {
            if (event != null) {
                staged.add(event);
            }
        }
        return staged;
    }

    private Map<String, Boolean> hits() {
        Map<String, Boolean> hits = new TreeMap<>();
        for (Document fact : mongo.getCollection(FACTS).find()) {
            hits.put(fact.getString("_id").substring("repeat-domestic-abuse-referrals:".length()), fact.getBoolean("hit"));
        }
        return hits;
    }

    private Map<String, Long> sequences() {
        Map<String, Long> sequences = new TreeMap<>();
        for (Document figure : mongo.getCollection(FIGURES).find()) {
            sequences.put(figure.getString("_id"), ((Number) figure.get("sequence")).longValue());
        }
        return sequences;
    }

    private List<Document> all(String collection) {
        return mongo.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The write commands the store was sent (insert, update, delete, findAndModify) and their statements, by collection. */
    private static final class WriteCommands implements CommandListener {

        private static final Map<String, String> STATEMENTS = Map.of("insert", "documents", "update", "updates",
                "delete", "deletes", "findAndModify", "");

        private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> statements = new ConcurrentHashMap<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            String list = STATEMENTS.get(event.getCommandName());
            if (list == null) {
                return;
            }
            BsonDocument command = event.getCommand();
            String collection = command.getString(event.getCommandName()).getValue();
            commands.computeIfAbsent(collection, c -> new AtomicLong()).incrementAndGet();
            statements.computeIfAbsent(collection, c -> new AtomicLong())
                    .addAndGet(list.isEmpty() ? 1 : command.getArray(list).size());
        }

        void reset() {
            commands.clear();
            statements.clear();
        }

        Map<String, Long> writes() {
            Map<String, Long> writes = new TreeMap<>();
            commands.forEach((collection, count) -> writes.put(collection, count.get()));
            return writes;
        }

        long statements(String collection) {
            AtomicLong count = statements.get(collection);
            return count == null ? 0 : count.get();
        }
    }
}
