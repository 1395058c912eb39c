package org.saferkent.ops.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.saferkent.ops.picture.DeadLetter;
import org.saferkent.ops.picture.OperationalPicture;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * What operations can do with a dead letter: inspect it (masked), replay it to its source topic once
 * the cause is fixed, or park it with a note. Every action is audited, including refused ones.
 *
 * <p>Replay re-publishes the ORIGINAL record as read from the dead-letter topic: same key, same bytes,
 * same headers (the CloudEvents ones included, so the same {@code ce_id}) minus the {@code x-dlq-*}
 * ones. The consumer's idempotency (it deduplicates on {@code ce_id}) makes the replayed record count
 * exactly once. A dead letter is replayed at most once: the status moves {@code OPEN|PARKED → REPLAYING →
 * REPLAYED} by conditional updates, so two operators (or two instances) cannot both replay it.
 */
public class DeadLetterActions {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterActions.class);
    private static final String DLQ_HEADER_PREFIX = "x-dlq-";

    /** The answer to an action: the dead letter after it, or why it was not done. */
    public sealed interface Outcome {
        record Done(DeadLetter deadLetter) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record Conflict(String detail) implements Outcome {
        }

        record Gone(String detail) implements Outcome {
        }

        record Failed(String detail) implements Outcome {
        }
    }

    /** A dead letter as inspected: the stored summary, the record's headers and its masked payload. */
    public record Inspection(DeadLetter deadLetter, boolean available, String key, Map<String, String> headers,
            JsonNode payload, String payloadText, int payloadBytes) {
    }

    private final MongoTemplate mongo;
    private final OperationalPicture picture;
    private final DeadLetterReader reader;
    private final EventProducer producer;
    private final PersonalDataMask mask;
    private final AuditTrail audit;
    private final Clock clock;

    public DeadLetterActions(MongoTemplate mongo, OperationalPicture picture, DeadLetterReader reader, EventProducer producer,
            PersonalDataMask mask, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.picture = picture;
        this.reader = reader;
        this.producer = producer;
        this.mask = mask;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Inspection> inspect(String id) {
        Optional<DeadLetter> found = picture.deadLetter(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter deadLetter = found.get();
        Optional<ConsumerRecord<String, byte[]>> record = reader.read(deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
        if (record.isEmpty()) {
            return Optional.of(new Inspection(deadLetter, false, null, Map.of(), null, null, 0));
        }
        ConsumerRecord<String, byte[]> r = record.get();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : r.headers()) {
            String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            headers.put(header.key(), mask.maskHeader(value));
        }
        JsonNode payload = mask.maskJson(r.value());
        String text = payload == null ? mask.maskText(r.value()) : null;
        return Optional.of(new Inspection(deadLetter, true, mask.maskHeader(r.key()), headers, payload, text,
                r.value() == null ? 0 : r.value().length));
    }

    public Outcome replay(String id, String operator, String note) {
        DeadLetter before = picture.deadLetter(id).orElse(null);
        if (before == null) {
            return new Outcome.NotFound();
        }
        DeadLetter claimed = transition(id, List.of(DeadLetter.REPLAYING, DeadLetter.REPLAYED), DeadLetter.REPLAYING, operator, note);
        if (claimed == null) {
            String status = picture.deadLetter(id).map(DeadLetter::status).orElse("unknown");
            String detail = "This dead letter is " + status.toLowerCase() + " already: it is replayed at most once.";
            audit.record(operator, "REPLAY", id, "REFUSED", detail, note);
            return new Outcome.Conflict(detail);
        }
        Optional<ConsumerRecord<String, byte[]>> record = reader.read(before.topic(), before.partition(), before.offset());
        if (record.isEmpty()) {
            restore(id, before.status());
            String detail = "The record is no longer on " + before.topic() + " (retention): nothing to replay.";
            audit.record(operator, "REPLAY", id, "GONE", detail, note);
            return new Outcome.Gone(detail);
        }
        ConsumerRecord<String, byte[]> original = record.get();
        String target = header(original, DeadLetterHeaders.ORIGINAL_TOPIC);
        if (target == null) {
            target = before.originalTopic();
        }
        ProducerRecord<String, byte[]> replay = new ProducerRecord<>(target, null, original.key(), original.value());
        for (Header header : original.headers()) {
            if (!header.key().startsWith(DLQ_HEADER_PREFIX)) {
                replay.headers().add(header);
            }
        }
        try {
            producer.sendAndWait(replay, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            restore(id, before.status());
            String detail = "The broker did not take the replayed record: " + e.getClass().getSimpleName();
            audit.record(operator, "REPLAY", id, "FAILED", detail, note);
            log.warn("Replay of dead letter {} to {} failed: {}", id, target, e.toString());
            return new Outcome.Failed(detail);
        }
        DeadLetter replayed = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", DeadLetter.REPLAYED).set("statusAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class, OperationalPicture.DEAD_LETTERS);
        audit.record(operator, "REPLAY", id, "DONE", "re-published to " + target, note);
        log.info("Dead letter {} replayed to {} by {}", id, target, operator);
        return new Outcome.Done(replayed);
    }

    public Outcome park(String id, String operator, String note) {
        if (picture.deadLetter(id).isEmpty()) {
            return new Outcome.NotFound();
        }
        DeadLetter parked = transition(id, List.of(DeadLetter.REPLAYING, DeadLetter.REPLAYED, DeadLetter.PARKED),
                DeadLetter.PARKED, operator, note);
        if (parked == null) {
            String status = picture.deadLetter(id).map(DeadLetter::status).orElse("unknown");
            String detail = "This dead letter is " + status.toLowerCase() + " already.";
            audit.record(operator, "PARK", id, "REFUSED", detail, note);
            return new Outcome.Conflict(detail);
        }
        audit.record(operator, "PARK", id, "DONE", "parked", note);
        return new Outcome.Done(parked);
    }

    /** Moves the status to {@code to} unless it is one of {@code notFrom} (missing status = OPEN); null when it was. */
    private DeadLetter transition(String id, List<String> notFrom, String to, String operator, String note) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").nin(notFrom)),
                new Update().set("status", to).set("statusAt", clock.instant()).set("statusBy", operator).set("statusNote", note),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class, OperationalPicture.DEAD_LETTERS);
    }

    private void restore(String id, String status) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(DeadLetter.REPLAYING)),
                new Update().set("status", status).set("statusAt", clock.instant()), OperationalPicture.DEAD_LETTERS);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
