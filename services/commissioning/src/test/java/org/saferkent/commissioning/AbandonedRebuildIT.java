package org.saferkent.commissioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.commissioning.PartnershipEvents.routed;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;

import tools.jackson.databind.JsonNode;

/**
 * What a rebuild killed halfway leaves in the store — its lease (never renewed again), its version
 * named as being built, which live writers follow, and half-built collections — is cleared by the
 * service itself once the lease has gone unrenewed for a lease duration (as the service sees it: no
 * clocks are compared, see {@code ProjectionLease}), and does not block the next rebuild after that. Runs just
 * before {@link RebuildIT}, which must still find the live projection and a rebuild equal. Works in 2039.
 */
@Order(Integer.MAX_VALUE - 1)
class AbandonedRebuildIT extends CommissioningIntegrationTest {

    private static final String VERSIONS = "projection_versions";
    private static final String LEASES = "projection_leases";
    /** The refresh's lease (8 s in these tests) after the service first sees the dead one, and a sweep or two, with room. */
    private static final Duration LEASE_RUNS_OUT = Duration.ofSeconds(45);
    private String deadHolder;

    @Test
    void aDeadRebuildsVersionIsNoLongerWrittenToAndItsCollectionsAreDropped() throws Exception {
        String contractId = register(contract("Victim Support", List.of("victim-support"), List.of("dover"),
                "2039-01-01", "2039-12-31", "100000", "[]"));
        publish(routed(newId(), "dover", "victim-support", at("2039-05-01")));
        awaitCell(contractId, "dover", "2039-Q2", count("referralsRouted", 1));

        int dead = diedWhileBuilding();

        Awaitility.await().atMost(LEASE_RUNS_OUT).until(() -> pointer().get("building") == null);
        Awaitility.await().atMost(WAIT).until(() -> versionedCollections(dead).isEmpty());
        assertThat(((Number) pointer().get("current")).intValue()).isLessThan(dead);

        // the live projection goes on, and nothing follows the dead version any more
        String referralId = newId();
        publish(routed(referralId, "dover", "victim-support", at("2039-05-02")));
        awaitCell(contractId, "dover", "2039-Q2", count("referralsRouted", 2));
        assertThat(mongo.getCollection("pathway_activity_v" + dead).countDocuments(new Document("_id", referralId + ":victim-support")))
                .isZero();
        assertThat(versionedCollections(dead)).isEmpty();
    }

    @Test
    void aRebuildAfterOneThatDiedIsNotBlockedAndClearsWhatItLeft() throws Exception {
        String contractId = register(contract("Victim Support", List.of("victim-support"), List.of("thanet"),
                "2039-01-01", "2039-12-31", "100000", "[]"));
        publish(routed(newId(), "thanet", "victim-support", at("2039-08-01")));
        awaitCell(contractId, "thanet", "2039-Q3", count("referralsRouted", 1));
        int dead = diedWhileBuilding();
        // and one that died before it named its version: only its collections are left
        int diedEarlier = dead + 1;
        mongo.getCollection("performance_v" + diedEarlier).insertOne(new Document("_id", "half-built"));
        mongo.getCollection(VERSIONS).updateOne(new Document("_id", "activity"),
                new Document("$set", new Document("issued", diedEarlier)));

        // the dead rebuild's lease runs out a lease after the service first saw it (the refresh takes it then)
        Awaitility.await().atMost(LEASE_RUNS_OUT).until(() -> !deadHolder.equals(lease().getString("holder")));

        HttpResponse<String> rebuilt = post("/api/commissioning/rebuild", null);

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        int version = JSON.readTree(rebuilt.body()).path("version").asInt();
        assertThat(version).as("a version no rebuild filled before").isGreaterThan(diedEarlier);
        Document pointer = pointer();
        assertThat(((Number) pointer.get("current")).intValue()).isEqualTo(version);
        assertThat(pointer.get("building")).isNull();
        assertThat(versionedCollections(dead)).isEmpty();
        assertThat(versionedCollections(diedEarlier)).isEmpty();
        JsonNode cell = awaitCell(contractId, "thanet", "2039-Q3", count("referralsRouted", 1));
        assertThat(cell.path("performance").path("counts").path("referralsRouted").asLong()).isEqualTo(1);
        publish(routed(newId(), "thanet", "victim-support", at("2039-08-02")));
        awaitCell(contractId, "thanet", "2039-Q3", count("referralsRouted", 2));
    }

    /**
     * Writes what a rebuild killed after naming its version leaves: the pointer names it as being
     * built, some of its collections are half-filled, and its lease was last renewed more than a
     * lease ago. @return the dead version
     */
    private int diedWhileBuilding() {
        mongo.getCollection(VERSIONS).updateOne(new Document("_id", "activity"),
                new Document("$setOnInsert", new Document("current", 0).append("building", null)), new UpdateOptions().upsert(true));
        Document pointer = pointer();
        int current = ((Number) pointer.get("current")).intValue();
        Number issued = (Number) pointer.get("issued");
        int dead = Math.max(current, issued == null ? 0 : issued.intValue()) + 1;
        mongo.getCollection("pathway_activity_v" + dead).insertOne(new Document("_id", "half-built").append("district", "dover"));
        mongo.getCollection("performance_v" + dead).insertOne(new Document("_id", "half-built"));
        Instant lastRenewed = Instant.now().minus(Duration.ofMinutes(2));
        deadHolder = "rebuild-" + newId();
        mongo.getCollection(LEASES).replaceOne(new Document("_id", "performance"),
                new Document("_id", "performance").append("holder", deadHolder).append("version", 7L)
                        .append("until", Date.from(lastRenewed.plus(Duration.ofSeconds(60)))),
                new ReplaceOptions().upsert(true));
        mongo.getCollection(VERSIONS).updateOne(new Document("_id", "activity"),
                new Document("$set", new Document("building", dead).append("issued", dead)));
        return dead;
    }

    private Document lease() {
        Document lease = mongo.getCollection(LEASES).find(new Document("_id", "performance")).first();
        return lease == null ? new Document() : lease;
    }

    private Document pointer() {
        return mongo.getCollection(VERSIONS).find(new Document("_id", "activity")).first();
    }

    private List<String> versionedCollections(int version) {
        List<String> found = new ArrayList<>();
        for (String name : mongo.getCollectionNames()) {
            if (name.endsWith("_v" + version)) {
                found.add(name);
            }
        }
        return found;
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }
}
