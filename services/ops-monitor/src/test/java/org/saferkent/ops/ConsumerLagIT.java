package org.saferkent.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saferkent.ops.OpsFixtures.getJson;

@OpsMonitorTest
class ConsumerLagIT {

    @LocalServerPort
    int port;
    @Autowired
    Topics topics;

    @Test
    void aStoppedConsumersLagGrowsAsRecordsArriveAndIsShown() throws Exception {
        String api = "http://127.0.0.1:" + port + "/api/ops";
        String topic = "opstest.lag-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        String group = "lag-probe-" + UUID.randomUUID().toString().substring(0, 8);
        topics.declare(topic);
        for (int i = 0; i < 3; i++) {
            send(topic, "before-" + i);
        }

        // a consumer of its own group reads all three, commits, and stops
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() == 3;
            });
            consumer.commitSync();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode g = group(getJson(api + "/lag"), group);
            assertThat(g).as("group " + group).isNotNull();
            assertThat(g.path("totalLag").asLong()).isZero();
            assertThat(g.path("partitions").valueStream().mapToLong(p -> p.path("committed").asLong()).sum()).isEqualTo(3);
        });

        for (int i = 0; i < 5; i++) {
            send(topic, "after-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode g = group(getJson(api + "/lag"), group);
            assertThat(g.path("totalLag").asLong()).isEqualTo(5);
            assertThat(g.path("state").asString()).isEqualTo("EMPTY");
            assertThat(g.path("partitions").valueStream().mapToLong(p -> p.path("end").asLong()).sum()).isEqualTo(8);
            // the page's sparkline: the history went from 0 to 5
            assertThat(g.path("history").valueStream().map(s -> s.path("value").asLong())).contains(0L, 5L);
        });
        // the same measurement in the overview
        JsonNode picture = getJson(api + "/picture");
        assertThat(group(picture.path("lag"), group).path("totalLag").asLong()).isEqualTo(5);
    }

    private static void send(String topic, String value) {
        TopicRecords.send(new ProducerRecord<>(topic, "one-key", value.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode group(JsonNode lag, String group) {
        for (JsonNode g : lag.path("groups")) {
            if (group.equals(g.path("group").asString())) {
                return g;
            }
        }
        return null;
    }
}
