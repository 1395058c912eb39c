package org.saferkent.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.Topics;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;

/**
 * Runs one listener container per {@link Subscription} bean, all in the service's consumer group,
 * with the same failure policy ({@link ConsumerFailurePolicy}): invalid records go straight to the
 * dead-letter topic; a record held up by an outage of the store or broker is retried until it is back;
 * other failures are retried with exponential backoff, then dead-lettered. Offsets are committed only after a record
 * was handled or set aside, so nothing accepted is lost.
 */
public class Subscriptions implements SmartLifecycle {

    private final List<Subscription> subscriptions;
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final EventJson json;
    private final Topics topics;
    private final String group;
    private final DefaultErrorHandler errorHandler;
    private final MessagingMetrics metrics;
    private final ConsumerOutages outages;
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private volatile boolean running;

    public Subscriptions(List<Subscription> subscriptions, ConsumerFactory<String, byte[]> consumerFactory, EventJson json,
            Topics topics, String group, DefaultErrorHandler errorHandler) {
        this(subscriptions, consumerFactory, json, topics, group, errorHandler, MessagingMetrics.NONE);
    }

    public Subscriptions(List<Subscription> subscriptions, ConsumerFactory<String, byte[]> consumerFactory, EventJson json,
            Topics topics, String group, DefaultErrorHandler errorHandler, MessagingMetrics metrics) {
        this(subscriptions, consumerFactory, json, topics, group, errorHandler, metrics, ConsumerOutages.NONE);
    }

    /** {@code outages} hears of every record handled, to tell when a consumer held up by an outage resumed. */
    public Subscriptions(List<Subscription> subscriptions, ConsumerFactory<String, byte[]> consumerFactory, EventJson json,
            Topics topics, String group, DefaultErrorHandler errorHandler, MessagingMetrics metrics, ConsumerOutages outages) {
        this.metrics = metrics;
        this.outages = outages;
        this.subscriptions = subscriptions;
        this.consumerFactory = consumerFactory;
        this.json = json;
        this.topics = topics;
        this.group = group;
        this.errorHandler = errorHandler;
    }

    public String group() {
        return group;
    }

    public List<String> topics() {
        return subscriptions.stream().map(Subscription::topic).toList();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        for (Subscription subscription : subscriptions) {
            topics.declare(subscription.topic(), Topics.deadLetterTopic(subscription.topic(), group), Topics.OPS_EVENTS);
            ContainerProperties properties = new ContainerProperties(subscription.topic());
            properties.setGroupId(group);
            properties.setClientId(group + "-" + subscription.topic());
            properties.setMissingTopicsFatal(false);
            EventDispatcher dispatcher = new EventDispatcher(subscription, json, group, metrics, outages);
            properties.setMessageListener((MessageListener<String, byte[]>) dispatcher::dispatch);
            ConcurrentMessageListenerContainer<String, byte[]> container =
                    new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
            container.setConcurrency(subscription.concurrency());
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName("subscription-" + subscription.topic());
            container.start();
            containers.add(container);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after everything else (the outbox relay included) and stop first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
