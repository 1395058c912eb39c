package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The H2 file keeps documents as BSON and unique index keys in their own type: every type a service
 * stores comes back as it went in after the store is closed and opened again, and a file written before
 * (documents and keys Java-serialised by H2's default type) is still read, updated and queried after the
 * upgrade, its unique indexes still refusing duplicates.
 */
class BsonDocumentTypeTest {

    @TempDir
    Path dir;

    @Test
    void everyTypeComesBackAfterTheStoreIsOpenedAgain() {
        Path file = dir.resolve("store.mv.db");
        Document stored = everyType();
        withStore(file, client -> client.getDatabase("db").getCollection("things").insertOne(stored));

        withStore(file, client -> {
            Document read = client.getDatabase("db").getCollection("things").find(Filters.eq("_id", "every-type")).first();
            assertThat(read).isEqualTo(stored);
            assertThat(client.getDatabase("db").getCollection("things").find(Filters.eq("nested.list", 2)).first()).isNotNull();
        });
    }

    @Test
    void aFileWrittenWithJavaSerialisedDocumentsIsStillReadAndUpdated() {
        Path file = dir.resolve("old.mv.db");
        // as the H2 backend wrote before: the collection's map with H2's default value type
        MongoServer old = new MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
        InetSocketAddress address = old.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("db").getCollection("things").insertOne(new Document("_id", "old").append("count", 1)
                    .append("when", new Date(1_700_000_000_000L)));
            client.getDatabase("db").getCollection("things").createIndex(new Document("count", 1));
        } finally {
            old.shutdownNow();
        }
        assertThat(contains(file, "de.bwaldvogel.mongo.bson.Document")).as("the old file is Java-serialised").isTrue();

        withStore(file, client -> {
            var things = client.getDatabase("db").getCollection("things");
            assertThat(things.find(Filters.eq("_id", "old")).first()).isEqualTo(new Document("_id", "old").append("count", 1)
                    .append("when", new Date(1_700_000_000_000L)));
            things.updateOne(Filters.eq("_id", "old"), Updates.inc("count", 1));
            things.insertOne(new Document("_id", "new").append("count", 5));
        });
        withStore(file, client -> {
            var things = client.getDatabase("db").getCollection("things");
            assertThat(things.find(Filters.eq("count", 2)).first()).containsEntry("_id", "old");
            assertThat(things.find(Filters.eq("count", 5)).first()).containsEntry("_id", "new");
            assertThat(things.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void uniqueIndexesOfAFileWrittenBeforeStillRefuseDuplicatesAndFindEveryKey() {
        Path file = dir.resolve("keys.mv.db");
        MongoServer old = new MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
        InetSocketAddress address = old.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            var things = client.getDatabase("db").getCollection("things");
            things.createIndex(new Document("reference", 1).append("agency", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                things.insertOne(new Document("_id", i % 2 == 0 ? (Object) ("id-" + i) : (Object) i).append("reference", "REF-" + i).append("agency", "kent-police"));
            }
        } finally {
            old.shutdownNow();
        }

        for (int open = 0; open < 2; open++) { // moved on the first open, as they are on the second
            withStore(file, client -> {
                var things = client.getDatabase("db").getCollection("things");
                for (int i = 0; i < 300; i++) {
                    Object id = i % 2 == 0 ? "id-" + i : i;
                    assertThat(things.find(Filters.eq("_id", id)).first()).as("document %s by _id", id).isNotNull();
                    assertThat(things.find(Filters.and(Filters.eq("reference", "REF-" + i), Filters.eq("agency", "kent-police"))).first())
                            .as("document %s by its unique key", id).containsEntry("_id", id);
                }
                assertThatThrownBy(() -> things.insertOne(new Document("_id", "id-0")))
                        .hasMessageContaining("E11000");
                assertThatThrownBy(() -> things.insertOne(new Document("_id", 7)))
                        .hasMessageContaining("E11000");
                assertThatThrownBy(() -> things.insertOne(new Document("_id", "other").append("reference", "REF-5").append("agency", "kent-police")))
                        .hasMessageContaining("E11000");
            });
        }
        withStore(file, client -> assertThat(client.getDatabase("db").getCollection("things").countDocuments()).isEqualTo(300));
    }

    /**
     * What a query hands out is the reader's own: changing it changes nothing stored. The server updates
     * the document it is handed in place, so when queries handed out the stored instance, an update could
     * change a document while a commit was writing it to the file (a ConcurrentModificationException
     * there closes the H2 store) or while another connection's answer was being encoded from it.
     */
    @Test
    void aDocumentAQueryHandsOutIsACopyOfWhatIsStored() {
        de.bwaldvogel.mongo.backend.h2.H2Backend backend = EmbeddedBackends.h2(dir.resolve("copies.mv.db").toString());
        try {
            de.bwaldvogel.mongo.MongoCollection<?> cases = backend.resolveDatabase("db").createCollectionOrThrowIfExists("cases");
            cases.addDocument(new de.bwaldvogel.mongo.bson.Document("_id", "case-1").append("district", "dover")
                    .append("profile", new de.bwaldvogel.mongo.bson.Document("riskLevel", "standard")));
            for (de.bwaldvogel.mongo.bson.Document query : List.of(new de.bwaldvogel.mongo.bson.Document("_id", "case-1"),
                    new de.bwaldvogel.mongo.bson.Document("district", "dover"))) { // by the _id index, and by a scan
                de.bwaldvogel.mongo.bson.Document read = cases.handleQuery(query).iterator().next();
                ((de.bwaldvogel.mongo.bson.Document) read.get("profile")).put("riskLevel", "changed by a reader");
                read.put("district", "changed by a reader");
                de.bwaldvogel.mongo.bson.Document again = cases.handleQuery(query).iterator().next();
                assertThat(again.get("district")).as("after %s", query).isEqualTo("dover");
                assertThat(((de.bwaldvogel.mongo.bson.Document) again.get("profile")).get("riskLevel")).as("after %s", query).isEqualTo("standard");
            }
        } finally {
            backend.close();
        }
    }

    private static Document everyType() {
        List<Object> list = new ArrayList<>(List.of(1, 2, "three"));
        list.add(null);
        return new Document("_id", "every-type")
                .append("string", "Maidstone – ünïcödé")
                .append("int", 42)
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1)
                .append("decimal", Decimal128.parse("12.345"))
                .append("true", true)
                .append("null", null)
                .append("date", new Date(1_764_979_200_123L))
                .append("objectId", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("uuid", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .append("binary", new Binary(new byte[] {0, 1, 2, (byte) 255}))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
                .append("min", new MinKey())
                .append("max", new MaxKey())
                .append("nested", new Document("list", list).append("deeper", new Document("x", List.of(new Document("y", 1)))));
    }

    private interface WithClient {
        void accept(MongoClient client);
    }

    private static void withStore(Path file, WithClient work) {
        MongoServer server = new MongoServer(EmbeddedBackends.h2(file.toString()));
        InetSocketAddress address = server.bind();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build();
        try (MongoClient client = MongoClients.create(settings)) {
            work.accept(client);
        } finally {
            server.shutdownNow();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
