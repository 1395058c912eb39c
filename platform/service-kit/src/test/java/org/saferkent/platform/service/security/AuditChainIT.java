package org.saferkent.platform.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.embeddedstore.EmbeddedBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The audit trail's hash chain on a real MongoDB wire server (mongo-java-server): written by several threads
 * of several instances at once it verifies whole; an edited field, a removed entry, two entries swapped and
 * an entry replaced by a well-formed forgery are each reported at the first entry concerned.
 */
class AuditChainIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private MongoCollection<Document> trail;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(EmbeddedBackends.memory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "audit-" + DATABASES.incrementAndGet());
        trail = mongo.getCollection(PersonalDataAudit.COLLECTION);
    }

    private PersonalDataAudit instance() {
        return new PersonalDataAudit(mongo, "referrals", Clock.systemUTC());
    }

    private static void write(PersonalDataAudit audit, int entries) {
        for (int i = 1; i <= entries; i++) {
            audit.operatorAction("pause-binding", "binding", "binding-" + i, "paused");
        }
    }

    private Document entry(long seq) {
        return trail.find(Filters.and(Filters.eq("chain", "referrals"), Filters.eq("seq", seq))).first();
    }

    private AuditEntry typed(long seq) {
        return mongo.findOne(new Query(Criteria.where("chain").is("referrals").and("seq").is(seq)), AuditEntry.class,
                PersonalDataAudit.COLLECTION);
    }

    @Test
    void aTrailWrittenAtOnceByThreadsOfSeveralInstancesIsOneUnbrokenChain() throws Exception {
        List<PersonalDataAudit> instances = List.of(instance(), instance(), instance());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                PersonalDataAudit audit = instances.get(t % instances.size());
                writers.add(() -> {
                    write(audit, 40);
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(writers, 2, TimeUnit.MINUTES)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        AuditChainVerifier.Report report = instances.get(0).verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.chain()).isEqualTo("referrals");
            assertThat(chain.entries()).isEqualTo(240);
            assertThat(chain.headSeq()).isEqualTo(240);
            assertThat(chain.problem()).isNull();
        });
        assertThat(trail.countDocuments()).as("no entry lost, none twice").isEqualTo(240);
    }

    @Test
    void aRestartedInstanceContinuesTheChainAndEntriesFromBeforeTheChainAreCountedApart() {
        trail.insertOne(new Document("_id", "written-before-the-chain").append("action", "request"));
        write(instance(), 3);
        PersonalDataAudit restarted = instance();
        write(restarted, 2);

        AuditChainVerifier.Report report = restarted.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.unchained()).isEqualTo(1);
        assertThat(report.chains()).singleElement().satisfies(chain -> assertThat(chain.headSeq()).isEqualTo(5));
        assertThat(restarted.find(new AuditQuery(null, "binding-2", null, null, null, null, 10))).hasSize(2)
                .allSatisfy(found -> assertThat(found.hash()).hasSize(64));
    }

    @Test
    void withAnAuditConnectionOfItsOwnTheTrailIsWrittenToTheDatabaseItNames() {
        String port = Integer.toString(server.getLocalAddress().getPort());
        try (AuditStore store = AuditStore.of(mongo, "mongodb://127.0.0.1:" + port + "/referrals-audit")) {
            write(new PersonalDataAudit(store.mongo(), "referrals", Clock.systemUTC()), 2);
            assertThat(store.mongo().getDb().getName()).isEqualTo("referrals-audit");
        }
        assertThat(client.getDatabase("referrals-audit").getCollection(PersonalDataAudit.COLLECTION).countDocuments())
                .isEqualTo(2);
        assertThat(trail.countDocuments()).as("nothing in the service's own database").isZero();
        try (AuditStore byDefault = AuditStore.of(mongo, "")) {
            assertThat(byDefault.mongo()).isSameAs(mongo);
        }
    }

    @Test
    void anEditedFieldIsReportedAtTheEntryEdited() {
        PersonalDataAudit audit = instance();
        write(audit, 5);
        trail.updateOne(Filters.eq("_id", entry(3).get("_id")), Updates.set("clientId", "someone-else"));

        AuditChainVerifier.Report report = audit.verify();
        assertThat(report.intact()).isFalse();
        AuditChainVerifier.Problem problem = report.chains().get(0).problem();
        assertThat(problem.kind()).isEqualTo("changed");
        assertThat(problem.seq()).isEqualTo(3);
        assertThat(report.chains().get(0).entries()).isEqualTo(2);
    }

    @Test
    void aRemovedEntryIsReportedAtTheEntryAfterTheGap() {
        PersonalDataAudit audit = instance();
        write(audit, 5);
        String removed = entry(3).getString("_id");
        trail.deleteOne(Filters.eq("_id", removed));

        AuditChainVerifier.Problem problem = audit.verify().chains().get(0).problem();
        assertThat(problem.kind()).isEqualTo("removed");
        assertThat(problem.seq()).isEqualTo(4);
        assertThat(problem.detail()).contains("from seq 3");
    }

    @Test
    void twoEntriesSwappedAndRehashedAreReportedOutOfOrder() {
        PersonalDataAudit audit = instance();
        write(audit, 5);
        AuditEntry second = typed(2);
        AuditEntry third = typed(3);
        // whoever can update the trail moves each to the other's place and makes its own hash fit again
        trail.deleteMany(Filters.in("_id", second.id(), third.id()));
        mongo.insert(rehashed(second, 3), PersonalDataAudit.COLLECTION);
        mongo.insert(rehashed(third, 2), PersonalDataAudit.COLLECTION);

        AuditChainVerifier.Problem problem = audit.verify().chains().get(0).problem();
        assertThat(problem.kind()).isEqualTo("out-of-order");
        assertThat(problem.seq()).isEqualTo(2);
        assertThat(problem.detail()).contains("not written after the entry now before it");
    }

    @Test
    void anEntryReplacedByAWellFormedForgeryIsReportedAtTheEntryAfterIt() {
        PersonalDataAudit audit = instance();
        write(audit, 5);
        AuditEntry genuine = typed(3);
        AuditEntry forged = new AuditEntry(genuine.id(), genuine.at(), genuine.service(), "nobody", null, null,
                genuine.action(), genuine.resource(), "binding-x", null, genuine.outcome(), genuine.reason(),
                genuine.chain(), genuine.seq(), genuine.prev(), null);
        trail.deleteOne(Filters.eq("_id", genuine.id()));
        mongo.insert(forged.withHash(AuditChain.hashOf(forged)), PersonalDataAudit.COLLECTION);

        AuditChainVerifier.Problem problem = audit.verify().chains().get(0).problem();
        assertThat(problem.kind()).isEqualTo("out-of-order");
        assertThat(problem.seq()).isEqualTo(4);
    }

    @Test
    void anEntryInsertedWithAPlaceAlreadyPassedIsReportedOutOfOrder() {
        PersonalDataAudit audit = instance();
        write(audit, 3);
        AuditEntry first = typed(1);
        AuditEntry inserted = new AuditEntry("inserted", first.at(), first.service(), null, null, null, "request",
                "GET /api/x", null, null, "denied", "unauthenticated", "referrals", 0L, null, null);
        mongo.insert(inserted.withHash(AuditChain.hashOf(inserted)), PersonalDataAudit.COLLECTION);

        AuditChainVerifier.Problem problem = audit.verify().chains().get(0).problem();
        assertThat(problem.kind()).isEqualTo("out-of-order");
        assertThat(problem.id()).isEqualTo("inserted");
    }

    @Test
    void anEntryInsertedAtAPlaceAlreadyTakenIsReportedOutOfOrder() {
        // all the audit user may do: insert (the id differs, as the place's own id is taken)
        PersonalDataAudit audit = instance();
        write(audit, 4);
        AuditEntry second = typed(2);
        AuditEntry intruder = new AuditEntry("intruder", second.at(), second.service(), "nobody", null, null,
                second.action(), second.resource(), "binding-x", null, second.outcome(), second.reason(),
                second.chain(), 2L, second.prev(), null);
        mongo.insert(intruder.withHash(AuditChain.hashOf(intruder)), PersonalDataAudit.COLLECTION);

        AuditChainVerifier.Problem problem = audit.verify().chains().get(0).problem();
        assertThat(problem.kind()).isEqualTo("out-of-order");
        assertThat(problem.id()).isEqualTo("intruder");
    }

    @Test
    void twoInstancesRacingForOnePlaceBothLandInTurn() {
        PersonalDataAudit first = instance();
        PersonalDataAudit second = instance();
        write(first, 1);
        // second read no head yet: it reads it now; then first, whose head is stale, loses the place and retries
        write(second, 1);
        write(first, 1);

        assertThat(first.verify().chains()).singleElement()
                .satisfies(chain -> assertThat(chain.headSeq()).isEqualTo(3));
        assertThat(trail.countDocuments()).isEqualTo(3);
    }

    private static AuditEntry rehashed(AuditEntry entry, long seq) {
        AuditEntry moved = new AuditEntry(AuditChain.idOf(entry.chain(), seq), entry.at(), entry.service(), entry.clientId(), entry.subject(),
                entry.agency(), entry.action(), entry.resource(), entry.recordId(), entry.purpose(), entry.outcome(),
                entry.reason(), entry.chain(), seq, entry.prev(), null);
        return moved.withHash(AuditChain.hashOf(moved));
    }
}
