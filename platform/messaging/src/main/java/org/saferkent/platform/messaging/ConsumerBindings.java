package org.saferkent.platform.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.OpsPublisher;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * What the platform adds to every consumer binding of the Kafka binder, per consumer group:
 * <ul>
 * <li>the failure policy ({@link ConsumerFailurePolicy}): the binder's own retry and dead-letter
 * handling is off for every binding ({@link #retryAndDlqInBinding}) and the container gets the policy's
 * {@link DefaultErrorHandler}, whose recoverer is {@link DeadLetters} (so {@code <topic>.<group>.dlq},
 * its reason and origin headers and the {@code ops.events} report stay ours) and whose retry listener is
 * the group's {@link ConsumerOutages};</li>
 * <li>a consumer span per record, continuing the producer's trace from {@code ce_traceparent}
 * ({@link EventTracing#handle}), rather than the binder's observation, which reads and writes a plain
 * {@code traceparent} header the event catalogue does not have;</li>
 * <li>a client id and consumer thread names naming the group and topic (distinct when several services
 * share a JVM, as in the local stack);</li>
 * <li>the topics declared before the bindings start ({@link #afterSingletonsInstantiated}): each
 * {@link EventConsumer}'s destination, its dead-letter topic and {@code ops.events}, with the platform's
 * partition count; a consumer binding without a group is refused (the group names the dead-letter topic).</li>
 * </ul>
 */
public class ConsumerBindings implements ListenerContainerWithDlqAndRetryCustomizer, SmartInitializingSingleton {

    private record Group(ConsumerOutages outages, DefaultErrorHandler errorHandler, EventDispatcher dispatcher) {
    }

    private final ListableBeanFactory beans;
    private final BindingServiceProperties bindings;
    private final Topics topics;
    private final EventJson json;
    private final EventProducer producer;
    private final OpsEvents ops;
    private final OpsPublisher opsPublisher;
    private final EventSource source;
    private final String instance;
    private final ConsumerFailurePolicy policy;
    private final MessagingMetrics metrics;
    private final Clock clock;
    private final EventTracing tracing;
    private final ConcurrentMap<String, Group> groups = new ConcurrentHashMap<>();

    public ConsumerBindings(ListableBeanFactory beans, BindingServiceProperties bindings, Topics topics, EventJson json,
            EventProducer producer, OpsEvents ops, OpsPublisher opsPublisher, EventSource source, String instance,
            MessagingProperties properties, MessagingMetrics metrics, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.beans = beans;
        this.bindings = bindings;
        this.topics = topics;
        this.json = json;
        this.producer = producer;
        this.ops = ops;
        this.opsPublisher = opsPublisher;
        this.source = source;
        this.instance = instance;
        this.policy = new ConsumerFailurePolicy(properties);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The binder retries nothing and dead-letters nothing itself: the error handler installed by {@link #configure} does. */
    @Override
    public boolean retryAndDlqInBinding(String destination, String group) {
        return false;
    }

    /**
     * Two kinds of binding are not an {@link EventConsumer} (which {@link #afterSingletonsInstantiated}
     * refuses without a group) and get the listener container's plain error handler (a few quick
     * retries, then the record is logged and skipped), never a dead-letter topic of their own:
     * <ul>
     * <li>a binding whose destination is a pattern (ops-monitor's watch of every {@code *.dlq} topic, which
     * its own dead-letter topic would match);</li>
     * <li>an anonymous binding (no group: Spring Cloud Stream's publish-subscribe, where every instance
     * reads every partition from the latest record on), a live view such as ops-monitor's stream to the
     * browsers, which must be the same whichever instance a browser reaches.</li>
     * </ul>
     */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties != null && properties.getExtension() != null && properties.getExtension().isDestinationIsPattern()) {
            container.setCommonErrorHandler(new DefaultErrorHandler());
            container.getContainerProperties().setClientId(group + "-pattern");
            return;
        }
        if (isAnonymous(group)) {
            container.setCommonErrorHandler(new DefaultErrorHandler());
            container.getContainerProperties().setClientId("live-" + destination);
            return;
        }
        configure(container, destination, group, dlqDestinationResolver, backOff);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        if (isAnonymous(group)) {
            throw new IllegalStateException("The consumer binding of " + destination + " needs a group: it names the "
                    + "dead-letter topic <topic>.<group>.dlq");
        }
        container.setCommonErrorHandler(group(group).errorHandler());
        container.getContainerProperties().setClientId(group + "-" + destination);
        // names its consumer threads in the logs (<group>-<topic>-0-C-1), as the hand-made containers did
        container.setBeanName(group + "-" + destination);
    }

    private static boolean isAnonymous(String group) {
        return group == null || group.isBlank() || group.startsWith("anonymous.");
    }

    /** Dispatches the records of {@code group}'s consumers, counting them and ending the group's outages. */
    EventDispatcher dispatcher(String group) {
        if (group == null) {
            throw new IllegalStateException("not on a consumer thread of a bound consumer group");
        }
        return group(group).dispatcher();
    }

    /** Whether {@code group}'s consumer is held up by an outage on {@code topic} now. */
    public boolean isPaused(String group, String topic) {
        Group known = groups.get(group);
        return known != null && known.outages().isPaused(topic);
    }

    private Group group(String group) {
        return groups.computeIfAbsent(group, g -> {
            ConsumerOutages outages = new ConsumerOutages(opsPublisher, source.serviceName(), instance, g, clock);
            DefaultErrorHandler errorHandler = policy.errorHandler(new DeadLetters(producer, ops, source, g, clock, metrics), outages);
            return new Group(outages, errorHandler, new EventDispatcher(json, g, metrics, outages, tracing));
        });
    }

    /**
     * Declares every {@link EventConsumer} and {@link EventBatchConsumer} binding's topics (destination, dead-letter topic, ops.events)
     * before the bindings start, so no topic is created with the broker's or the binder's default shape.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Set<String> declared = new LinkedHashSet<>();
        List<String> consumers = new ArrayList<>(List.of(beans.getBeanNamesForType(EventConsumer.class, false, false)));
        consumers.addAll(List.of(beans.getBeanNamesForType(EventBatchConsumer.class, false, false)));
        for (String name : consumers) {
            String binding = name + "-in-0";
            BindingProperties properties = bindings.getBindingProperties(binding);
            String destination = properties.getDestination();
            if (destination == null || destination.isBlank()) {
                continue; // not bound (not in spring.cloud.function.definition): nothing to declare
            }
            String group = properties.getGroup();
            if (group == null || group.isBlank()) {
                throw new IllegalStateException("spring.cloud.stream.bindings." + binding + ".group is not set: "
                        + "every consumer needs a group (it names the dead-letter topic <topic>.<group>.dlq)");
            }
            for (String topic : Arrays.stream(destination.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList()) {
                declared.add(topic);
                declared.add(Topics.deadLetterTopic(topic, group));
            }
        }
        if (!declared.isEmpty()) {
            declared.add(Topics.OPS_EVENTS);
            topics.declare(declared.toArray(String[]::new));
        }
    }
}
