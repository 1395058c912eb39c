package org.saferkent.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@WithRealInfrastructure
class BacklogMonitorIT {

    @Autowired
    AggregateStores stores;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;

    @Test
    void aDocumentNobodyCanRelayRaisesTheBacklogOnceAndItsReleaseClearsIt() {
        String collection = "stuck_" + UUID.randomUUID().toString().replace("-", "");
        stores.create(collection, "outboxtest.stuck.events", CaseFile.class);
        List<BacklogMonitor.Measurement> told = new ArrayList<>();
        BacklogMonitor monitor = new BacklogMonitor(relay, new OutboxBacklogProperties(1, -1, Duration.ofSeconds(10)),
                List.of(told::add), clock);

        assertThat(monitor.measure().byCollection()).containsEntry(collection, 0L);
        // a document another relay holds a lease on, far into the future: its event waits
        String id = UUID.randomUUID().toString();
        mongo.getCollection(collection).insertOne(new Document("_id", id).append("version", 1L)
                .append("pendingEvents", List.of(new Document("eventId", UUID.randomUUID().toString())))
                .append("relayDue", new Date())
                .append("relayLease", new Document("owner", "a-relay-that-hangs")
                        .append("until", Date.from(Instant.now().plus(Duration.ofHours(1))))));

        BacklogMonitor.Measurement high = monitor.measure();
        assertThat(high.byCollection()).containsEntry(collection, 1L);
        assertThat(high.transition()).isEqualTo(BacklogMonitor.Transition.HIGH);
        assertThat(high.high()).isTrue();
        assertThat(monitor.measure().transition()).isEqualTo(BacklogMonitor.Transition.NONE);

        mongo.getCollection(collection).deleteOne(new Document("_id", id));
        BacklogMonitor.Measurement cleared = monitor.measure();
        assertThat(cleared.transition()).isEqualTo(BacklogMonitor.Transition.CLEARED);
        assertThat(cleared.high()).isFalse();
        assertThat(told).extracting(BacklogMonitor.Measurement::transition)
                .containsExactly(BacklogMonitor.Transition.NONE, BacklogMonitor.Transition.HIGH,
                        BacklogMonitor.Transition.NONE, BacklogMonitor.Transition.CLEARED);
    }
}
