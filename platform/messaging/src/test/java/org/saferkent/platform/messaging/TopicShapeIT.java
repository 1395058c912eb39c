package org.saferkent.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.test.RealInfrastructure;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.platform.messaging.MessagingTestApplication.TOPIC;

/**
 * The topics a service declares at start, as the broker holds them: an events topic and its dead
 * letters are kept for good (a rebuild a week later still reads every event), in the configured
 * shape; ops.events keeps the broker's retention.
 */
@SpringBootTest(properties = {"saferkent.kafka.partitions=3", "saferkent.kafka.min-insync-replicas=1"})
@WithRealInfrastructure
class TopicShapeIT {

    @Test
    void eventsTopicsAndDeadLettersAreKeptForGoodInTheConfiguredShape() throws Exception {
        String deadLetters = Topics.deadLetterTopic(TOPIC, "messaging-test");
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            for (String topic : List.of(TOPIC, deadLetters)) {
                Config config = config(admin, topic);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic).isEqualTo("-1");
                assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).as(topic).isEqualTo("-1");
                assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).as(topic).isEqualTo("1");
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic);
                assertThat(description.partitions()).as(topic).hasSize(3);
                assertThat(description.partitions().get(0).replicas()).as(topic).hasSize(1);
            }
            assertThat(config(admin, Topics.OPS_EVENTS).get(TopicConfig.RETENTION_MS_CONFIG).value()).isNotEqualTo("-1");
        }
    }

    private static Config config(AdminClient admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
