package org.saferkent.platform.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.messaging.Message;

/**
 * A consumer of whole polls (Spring Cloud Stream's batch mode on the Kafka binder): each event of a
 * batch is read and handed to its route's handler, which only stages its change in the batch
 * ({@code B}, made new for each batch); then {@code write} applies the staged changes at once (e.g.
 * one bulk write) and must be idempotent, since a batch may be delivered again. The failure policy is
 * the single-record one, record by record ({@link ConsumerFailurePolicy}, through Spring Kafka's
 * {@link org.springframework.kafka.listener.BatchListenerFailedException}):
 * <ul>
 * <li>an event that cannot be read or staged: the events before it are written, then it is retried or
 * dead-lettered alone (an unreadable one at once), and the rest of the batch is delivered again;</li>
 * <li>a failed write: the batch is delivered again from its first record, with the policy's retries
 * (without limit while the store is unreachable), then its first record is dead-lettered and the rest
 * delivered again;</li>
 * <li>a failed follow-up (see below): the events before it are done, then it is retried or dead-lettered
 * alone, and the rest of the batch is delivered again (staged and written again: {@code write} is idempotent).</li>
 * </ul>
 * A route may also name a follow-up ({@link #on(String, Class, Stager, EventHandler)}): what an event does
 * alone once its batch is written (e.g. an aggregate of its own updated under the event's id), run event by
 * event in the batch's order, after {@code write} succeeded. It must be idempotent, like any handler.
 * The binding needs {@code consumer.batch-mode: true}, the platform's batch converter
 * ({@code spring.cloud.stream.kafka.bindings.<binding>.consumer.converter-bean-name:}
 * {@value MessagingAutoConfiguration#RAW_BATCH_CONVERTER}) and a bounded {@code max.poll.records}.
 *
 * <pre>{@code
 * @Bean
 * EventBatchConsumer<List<Fact>> facts(FactStore store) {
 *     return EventBatchConsumer.routing(ArrayList::new, store::writeAll)
 *         .on("referrals.ReferralRouted.v1", RoutedReferral.class, (facts, event) -> facts.add(Fact.of(event)));
 * }
 * }</pre>
 */
public final class EventBatchConsumer<B> implements Consumer<Message<List<byte[]>>> {

    /** Stages one event's change in the batch. Must not write: the batch's {@code write} does. */
    @FunctionalInterface
    public interface Stager<B, T> {
        void stage(B batch, InboundEvent<T> event);
    }

    /**
     * {@code then} is null when the event does nothing once its batch is written; {@code tombstones}: a record
     * without a value (a compacted topic's tombstone) is staged with a null payload instead of being unreadable.
     */
    record Route<B, T>(Class<T> payloadType, Stager<B, T> stager, EventHandler<T> then, boolean tombstones) {
    }

    private final Supplier<B> newBatch;
    private final Consumer<B> write;
    private final Map<String, Route<B, ?>> routes = new LinkedHashMap<>();
    private volatile Supplier<ConsumerBindings> bindings;

    private EventBatchConsumer(Supplier<B> newBatch, Consumer<B> write) {
        this.newBatch = newBatch;
        this.write = write;
    }

    /** An empty routing table: {@code newBatch} makes each batch's staging area, {@code write} applies it. */
    public static <B> EventBatchConsumer<B> routing(Supplier<B> newBatch, Consumer<B> write) {
        return new EventBatchConsumer<>(newBatch, write);
    }

    public <T> EventBatchConsumer<B> on(String wireName, Class<T> payloadType, Stager<B, T> stager) {
        return on(wireName, payloadType, stager, null);
    }

    /**
     * As {@link #on(String, Class, Stager)}, and {@code then} handles the event alone once its batch is written
     * (in the batch's order; a failure there is this event's alone).
     */
    public <T> EventBatchConsumer<B> on(String wireName, Class<T> payloadType, Stager<B, T> stager, EventHandler<T> then) {
        return add(wireName, new Route<>(payloadType, stager, then, false));
    }

    /**
     * As {@link #on(String, Class, Stager)} for a compacted topic whose tombstones (the type's headers, no value) say
     * the key is gone: such a record is staged with a null {@link InboundEvent#payload()}, its key in the envelope
     * ({@code ce_subject}), instead of being dead-lettered as unreadable.
     */
    public <T> EventBatchConsumer<B> onWithTombstones(String wireName, Class<T> payloadType, Stager<B, T> stager) {
        return add(wireName, new Route<>(payloadType, stager, null, true));
    }

    private EventBatchConsumer<B> add(String wireName, Route<B, ?> route) {
        if (routes.putIfAbsent(wireName, route) != null) {
            throw new IllegalArgumentException("two handlers for " + wireName);
        }
        return this;
    }

    /** The wire names this consumer handles. */
    public Set<String> wireNames() {
        return Collections.unmodifiableSet(routes.keySet());
    }

    Route<B, ?> route(String wireName) {
        return routes.get(wireName);
    }

    B newBatch() {
        return newBatch.get();
    }

    void write(B batch) {
        write.accept(batch);
    }

    /** Set by the platform when the bean is created: what dispatches, counts and reports. */
    void runWith(Supplier<ConsumerBindings> bindings) {
        this.bindings = bindings;
    }

    @Override
    public void accept(Message<List<byte[]>> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (!(raw instanceof List<?> list) || (!list.isEmpty() && !(list.get(0) instanceof ConsumerRecord<?, ?>))) {
            throw new IllegalStateException("No raw Kafka records in the message: the binding must be in batch mode "
                    + "(spring.cloud.stream.bindings.<binding>.consumer.batch-mode: true) with the platform's batch "
                    + "converter (spring.cloud.stream.kafka.bindings.<binding>.consumer.converter-bean-name: "
                    + MessagingAutoConfiguration.RAW_BATCH_CONVERTER + ")");
        }
        Supplier<ConsumerBindings> runtime = bindings;
        if (runtime == null) {
            throw new IllegalStateException("EventBatchConsumer used outside a SaferKent service context");
        }
        @SuppressWarnings("unchecked")
        List<ConsumerRecord<String, byte[]>> records = (List<ConsumerRecord<String, byte[]>>) list;
        runtime.get().dispatcher(KafkaUtils.getConsumerGroupId()).dispatch(this, records);
    }
}
