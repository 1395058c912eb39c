package org.saferkent.commissioning.performance.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.saferkent.platform.events.EventsProperties;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares a feed topic (the exact {@code commissioning.feed}, the PCC office's {@code commissioning.pcc-feed})
 * with {@code cleanup.policy=compact}, so that the broker keeps the latest record per key, in the configured shape (partitions, replicas, in-sync replicas). A
 * topic that exists already (compose's kafka-init creates it) is only read; it is switched to
 * compaction only if it is not compacted, which needs a right (AlterConfigs) the service is not given
 * in compose, where it is never needed.
 */
public final class FeedTopic {

    private static final long TIMEOUT_SECONDS = 30;

    private FeedTopic() {
    }

    public static void declare(KafkaAdmin admin, String topic, EventsProperties shape) {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            try {
                client.createTopics(List.of(new NewTopic(topic, shape.partitions(), shape.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(shape.minInsyncReplicas())))))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = client.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
                ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
                if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    client.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                            AlterConfigOp.OpType.SET)))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while declaring " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not declare the compacted topic " + topic, e);
        }
    }
}
