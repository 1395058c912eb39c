package org.saferkent.platform.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The one producer of a service: String keys, JSON bytes, idempotent with acks=all. Every send is
 * complete only when the broker has acknowledged it.
 */
public class EventProducer {

    private final KafkaTemplate<String, byte[]> template;

    public EventProducer(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
        return template.send(record);
    }

    /** Sends and waits for the broker's ack. */
    public void sendAndWait(ProducerRecord<String, byte[]> record, Duration timeout) {
        try {
            send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge a record for " + record.topic(), e);
        }
    }

    public void flush() {
        template.flush();
    }
}
