package org.saferkent.platform.outbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.EventCatalogue;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.platform.test.TopicRecords.headerEquals;

/**
 * An event the broker refuses for good (here: larger than its topic's max.message.bytes) is parked and
 * reported, the aggregate's later events are published in order, and an operator can retry it over
 * the service's API once the cause is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class OutboxParkingIT {

    private static final int LIMIT = 8_192;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @Autowired
    AggregateStores stores;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @Autowired
    EventJson json;
    @LocalServerPort
    int port;

    @Test
    void anEventTheBrokerRefusesIsParkedAndReportedTheLaterOnesFlowAndARetryPublishesItOnceTheLimitIsRaised() throws Exception {
        String topic = "outboxtest.small." + UUID.randomUUID().toString().substring(0, 8);
        kafkaAdmin.createOrModifyTopics(TopicBuilder.name(topic).partitions(1).replicas(1)
                .config("max.message.bytes", Integer.toString(LIMIT)).build());
        String collection = "parking_" + UUID.randomUUID().toString().replace("-", "");
        AggregateStore<CaseFile> store = stores.create(collection, topic, CaseFile.class);
        String id = UUID.randomUUID().toString();
        String huge = "x".repeat(LIMIT * 3);

        // the refused event comes first, in the same write as two that the broker takes, and one more follows
        store.insert(id, new CaseFile(id, "dover", "0"),
                List.of(new CaseFileOpened(id, huge), new CaseFileNoted(id, 1), new CaseFileNoted(id, 2)));
        store.update(id, 1, new CaseFile(id, "dover", "3"), List.of(new CaseFileNoted(id, 3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> notedSequences(topic, id).size() >= 3);
        assertThat(notedSequences(topic, id)).containsExactly(1, 2, 3);
        assertThat(TopicRecords.matching(topic, headerEquals(CloudEventHeaders.SUBJECT, id)))
                .noneMatch(r -> "outboxtest.CaseFileOpened.v1".equals(TopicRecords.header(r, CloudEventHeaders.TYPE)));

        ParkedEvent parked = relay.parked().stream().filter(p -> p.aggregateId().equals(id)).findFirst().orElseThrow();
        assertThat(parked.collection()).isEqualTo(collection);
        assertThat(parked.eventType()).isEqualTo("outboxtest.CaseFileOpened.v1");
        assertThat(parked.topic()).isEqualTo(topic);
        assertThat(parked.reason()).isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");

        ConsumerRecord<String, byte[]> report = TopicRecords.awaitRecord(Topics.OPS_EVENTS,
                headerEquals(CloudEventHeaders.TYPE, OutboxEventParked.TYPE).and(headerEquals(CloudEventHeaders.SUBJECT, id)));
        assertThat(EventCatalogue.violations(report)).isEmpty();
        assertThat(report.key()).isEqualTo(id);
        OutboxEventParked reported = json.read(report.value(), OutboxEventParked.class);
        assertThat(reported).isEqualTo(new OutboxEventParked("outbox-test", collection, id, "outboxtest.CaseFileOpened.v1",
                parked.eventId(), topic, "org.apache.kafka.common.errors.RecordTooLargeException", reported.parkedAt()));
        assertThat(TopicRecords.value(report)).doesNotContain("xxxxxxxx");

        // the backlog drains: nothing is left pending, the document no longer counts
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog(collection) == 0);
        Document doc = mongo.getCollection(collection).find(new Document("_id", id)).first();
        assertThat(doc.getList("pendingEvents", Document.class)).isEmpty();
        assertThat(doc).doesNotContainKey("relayDue");
        assertThat(doc.getList("parkedEvents", Document.class)).singleElement()
                .satisfies(entry -> assertThat(entry.getString("eventId")).isEqualTo(parked.eventId()));

        // the operator lists it, and retrying is for ops.write only
        HttpResponse<String> listed = SecuredApi.at(port).as("ops").get("/api/outbox/parked");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(parked.eventId(), "RecordTooLargeException", collection).doesNotContain("xxxxxxxx");
        assertThat(SecuredApi.at(port).as("pcc-office").get("/api/outbox/parked").statusCode()).isEqualTo(403);
        assertThat(SecuredApi.at(port).withAuthorization("Bearer " + token("ops", "ops.read"))
                .post("/api/outbox/parked/" + parked.eventId() + "/retry", "").statusCode()).isEqualTo(403);
        assertThat(SecuredApi.at(port).as("ops").post("/api/outbox/parked/" + UUID.randomUUID() + "/retry", "").statusCode())
                .isEqualTo(404);

        raiseLimit(topic);
        assertThat(SecuredApi.at(port).as("ops").post("/api/outbox/parked/" + parked.eventId() + "/retry", "").statusCode())
                .isEqualTo(202);

        ConsumerRecord<String, byte[]> opened = TopicRecords.awaitRecord(topic,
                headerEquals(CloudEventHeaders.SUBJECT, id).and(headerEquals(CloudEventHeaders.TYPE, "outboxtest.CaseFileOpened.v1")));
        assertThat(TopicRecords.header(opened, CloudEventHeaders.ID)).isEqualTo(parked.eventId());
        assertThat(json.read(opened.value(), CaseFileOpened.class).district()).isEqualTo(huge);
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog(collection) == 0);
        assertThat(relay.parked()).noneMatch(p -> p.eventId().equals(parked.eventId()));
        assertThat(SecuredApi.at(port).as("ops").post("/api/outbox/parked/" + parked.eventId() + "/retry", "").statusCode())
                .isEqualTo(404);
    }

    private List<Integer> notedSequences(String topic, String id) {
        return TopicRecords.matching(topic, headerEquals(CloudEventHeaders.SUBJECT, id)).stream()
                .filter(headerEquals(CloudEventHeaders.TYPE, "outboxtest.CaseFileNoted.v1"))
                .map(r -> json.read(r.value(), CaseFileNoted.class).sequence()).toList();
    }

    private void raiseLimit(String topic) throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry("max.message.bytes", Integer.toString(LIMIT * 10)), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
    }

    private static String token(String clientId, String scope) {
        HttpResponse<String> response = Tokens.requestToken(clientId, Tokens.secretOf(clientId), scope);
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }
}
