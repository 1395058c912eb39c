package org.saferkent.commissioning.performance.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the PCC office's feed topic with {@code cleanup.policy=compact}, so that the broker keeps
 * the latest snapshot per key; a topic that exists already is switched to compaction. (The
 * platform's topic declaration has no configuration option.)
 */
public final class FeedTopic {

    private FeedTopic() {
    }

    public static void declare(KafkaAdmin admin, String topic, int partitions) {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            try {
                client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                client.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while declaring " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not declare the compacted topic " + topic, e);
        }
    }
}
