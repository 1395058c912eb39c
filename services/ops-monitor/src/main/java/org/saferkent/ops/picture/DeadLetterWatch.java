package org.saferkent.ops.picture;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Reads every dead-letter topic: a Spring Cloud Stream function binding whose destination is a pattern
 * ({@code saferkent.ops.dead-letter-pattern}, {@code destination-is-pattern}), so topics created later
 * are picked up too, within the binding's {@code metadata.max.age.ms}. It reads the raw record (the
 * platform's converter), headers as they are. Two such bindings: one in ops-monitor's group stores the
 * dead letters ({@link OperationalPicture#deadLettered}), an anonymous one on every instance tells
 * that instance's live stream ({@link OperationalPicture#deadLetterSeen}).
 */
public class DeadLetterWatch implements Consumer<Message<byte[]>> {

    private final Consumer<ConsumerRecord<?, ?>> action;

    public DeadLetterWatch(Consumer<ConsumerRecord<?, ?>> action) {
        this.action = action;
    }

    @Override
    public void accept(Message<byte[]> message) {
        if (!(message.getHeaders().get(KafkaHeaders.RAW_DATA) instanceof ConsumerRecord<?, ?> record)) {
            throw new IllegalStateException("No raw Kafka record in the message: the binding must use the platform's converter");
        }
        action.accept(record);
    }
}
