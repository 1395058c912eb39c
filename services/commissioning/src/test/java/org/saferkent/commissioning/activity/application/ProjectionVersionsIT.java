package org.saferkent.commissioning.activity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The version pointer on the real store: a rebuild taken for dead (its lease ran out, its pointer
 * cleared) that comes back cannot name its version again nor swap it in over the rebuild that
 * replaced it, and no two rebuilds are handed the same version.
 */
class ProjectionVersionsIT {

    private MongoClient client;
    private ProjectionVersions versions;

    @BeforeEach
    void aStoreOfItsOwn() {
        client = MongoClients.create(RealInfrastructure.get().mongoUri());
        versions = new ProjectionVersions(new MongoTemplate(client, "commissioning-versions-" + UUID.randomUUID()));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRebuildTakenForDeadCannotTakeThePointerBack() {
        int stalled = versions.claimNext();
        versions.startBuilding(stalled);
        assertThat(versions.liveWriteTargets()).containsExactly(0, stalled);

        // its lease ran out: the next holder clears what it left, and a new rebuild starts
        assertThat(versions.abandon(stalled)).isTrue();
        int next = versions.claimNext();
        versions.startBuilding(next);

        assertThat(next).isGreaterThan(stalled);
        assertThatThrownBy(() -> versions.startBuilding(stalled)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> versions.swapTo(stalled)).isInstanceOf(IllegalStateException.class);
        assertThat(versions.abandon(stalled)).as("names another version: left alone").isFalse();
        assertThat(versions.read().building()).isEqualTo(next);

        versions.swapTo(next);
        assertThat(versions.read()).isEqualTo(new ProjectionVersions.Pointer(next, null, next));
        assertThat(versions.liveWriteTargets()).isEqualTo(List.of(next));
        assertThat(versions.claimNext()).isGreaterThan(next);
    }
}
