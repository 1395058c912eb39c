package org.saferkent.platform.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer function on the Kafka binder with the routing table of one topic: for
 * each wire name the service cares about, its own payload class (a small tolerant DTO, never the
 * producer's class) and a handler. Other event types on the topic are skipped, so producers may add
 * types freely. The topic, the consumer group and the concurrency are the binding's, in the service's
 * configuration:
 *
 * <pre>{@code
 * @Bean
 * EventConsumer referralEvents(VictimCases cases) {
 *     return EventConsumer.routing()
 *         .on("referrals.ReferralRouted.v1", RoutedReferral.class, cases::open);
 * }
 * }</pre>
 * <pre>
 * spring.cloud.function.definition: referralEvents
 * spring.cloud.stream.bindings.referralEvents-in-0: {destination: referrals.referral.events, group: victims}
 * </pre>
 * The binding reads the raw record (native decoding: String key, byte[] value, the Kafka headers as
 * they are, see {@code saferkent-messaging-defaults.properties}), so the envelope and payload are read
 * by the platform's tolerant readers; a record that cannot be read, or whose handler fails, is dealt
 * with by {@link ConsumerFailurePolicy}, installed on every binding by {@link ConsumerBindings}.
 */
public final class EventConsumer implements Consumer<Message<byte[]>> {

    record Route<T>(Class<T> payloadType, EventHandler<T> handler) {
    }

    private final Map<String, Route<?>> routes = new LinkedHashMap<>();
    private Route<?> otherwise;
    private volatile Supplier<ConsumerBindings> bindings;

    private EventConsumer() {
    }

    /** An empty routing table: add the event types with {@link #on}. */
    public static EventConsumer routing() {
        return new EventConsumer();
    }

    public <T> EventConsumer on(String wireName, Class<T> payloadType, EventHandler<T> handler) {
        if (routes.putIfAbsent(wireName, new Route<>(payloadType, handler)) != null) {
            throw new IllegalArgumentException("two handlers for " + wireName);
        }
        return this;
    }

    /** Handles every event type not named by {@link #on}, e.g. to record all operational events. */
    public <T> EventConsumer otherwise(Class<T> payloadType, EventHandler<T> handler) {
        this.otherwise = new Route<>(payloadType, handler);
        return this;
    }

    /** The wire names this consumer handles (not counting {@link #otherwise}). */
    public Set<String> wireNames() {
        return Collections.unmodifiableSet(routes.keySet());
    }

    Route<?> route(String wireName) {
        Route<?> route = routes.get(wireName);
        return route != null ? route : otherwise;
    }

    /** Set by the platform when the bean is created: what dispatches, counts and reports. */
    void runWith(Supplier<ConsumerBindings> bindings) {
        this.bindings = bindings;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (!(raw instanceof ConsumerRecord<?, ?> record)) {
            throw new IllegalStateException("No raw Kafka record in the message: the binding must use the platform's "
                    + "converter (spring.cloud.stream.kafka.bindings.<binding>.consumer.converter-bean-name: "
                    + MessagingAutoConfiguration.RAW_RECORD_CONVERTER + ")");
        }
        Supplier<ConsumerBindings> runtime = bindings;
        if (runtime == null) {
            throw new IllegalStateException("EventConsumer used outside a SaferKent service context");
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> kafkaRecord = (ConsumerRecord<String, byte[]>) record;
        runtime.get().dispatcher(KafkaUtils.getConsumerGroupId()).dispatch(this, kafkaRecord);
    }
}
