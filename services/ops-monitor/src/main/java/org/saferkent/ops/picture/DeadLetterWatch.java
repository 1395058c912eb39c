package org.saferkent.ops.picture;

import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * Reads every dead-letter topic (by pattern, so topics created later are picked up too) into the
 * operational picture.
 */
public class DeadLetterWatch implements SmartLifecycle {

    private final ConcurrentMessageListenerContainer<String, byte[]> container;

    public DeadLetterWatch(ConsumerFactory<String, byte[]> consumerFactory, String group, Pattern topics,
            long discoveryMillis, OperationalPicture picture) {
        ContainerProperties properties = new ContainerProperties(topics);
        properties.setGroupId(group + "-dead-letters");
        properties.setMessageListener((MessageListener<String, byte[]>) picture::deadLettered);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, Long.toString(discoveryMillis));
        properties.setKafkaConsumerProperties(consumer);
        this.container = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        this.container.setBeanName("dead-letter-watch");
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
