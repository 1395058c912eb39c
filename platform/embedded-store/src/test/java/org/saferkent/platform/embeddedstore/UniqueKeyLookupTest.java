package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Queries naming one _id plus other conditions answer exactly as before, on both backends. */
class UniqueKeyLookupTest {

    @TempDir
    static Path dir;

    static Stream<String> backends() {
        return Stream.of("memory", "h2");
    }

    private static MongoBackend backend(String kind) throws Exception {
        return "memory".equals(kind) ? EmbeddedBackends.memory()
                : EmbeddedBackends.h2(Files.createTempFile(dir, "store", ".mv.db").toString());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anIdPlusConditionsMatchesOnlyWhenEveryConditionHolds(String kind) throws Exception {
        MongoServer server = new MongoServer(backend(kind));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            for (int i = 0; i < 50; i++) {
                cases.insertOne(new Document("_id", "case-" + i).append("version", 1L).append("pending", List.of("e" + i)));
            }

            // a version-checked update: the right version wins, a stale one matches nothing
            assertThat(cases.updateOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", 1L)),
                    Updates.set("version", 2L)).getModifiedCount()).isEqualTo(1);
            assertThat(cases.updateOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", 1L)),
                    Updates.set("version", 3L)).getMatchedCount()).isZero();
            assertThat(cases.find(Filters.eq("_id", "case-7")).first().getLong("version")).isEqualTo(2L);

            // a claim with an $or beside the _id: matched against the whole query
            Document claimed = cases.findOneAndUpdate(Filters.and(Filters.eq("_id", "case-9"), Filters.exists("pending.0"),
                    Filters.or(Filters.eq("lease", null), Filters.lt("lease", 5))), Updates.set("lease", 10),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(claimed).isNotNull();
            assertThat(claimed.getInteger("lease")).isEqualTo(10);
            assertThat(cases.findOneAndUpdate(Filters.and(Filters.eq("_id", "case-9"),
                    Filters.or(Filters.eq("lease", null), Filters.lt("lease", 5))), Updates.set("lease", 11))).isNull();

            // an unknown _id finds nothing; queries without a plain _id still scan and find
            assertThat(cases.find(Filters.and(Filters.eq("_id", "nobody"), Filters.eq("version", 1L))).first()).isNull();
            assertThat(cases.countDocuments(Filters.and(Filters.in("_id", "case-1", "case-2", "case-7"), Filters.eq("version", 1L))))
                    .isEqualTo(2);
            assertThat(cases.countDocuments(Filters.eq("version", 1L))).isEqualTo(49);

            // the unique constraint still holds
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.insertOne(new Document("_id", "case-1")))
                    .hasMessageContaining("duplicate key");
        } finally {
            server.shutdownNow();
        }
    }
}
