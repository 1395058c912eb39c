package org.saferkent.ops.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.saferkent.platform.events.CloudEventHeaders;
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
 *
 * <p>{@code REPLAYING} is a claim with a time limit ({@code claimExpiresAt}), not a place to stay: a process
 * killed between the claim and the end leaves it behind, and once it lapses replay and park take the dead
 * letter again and {@link #releaseLapsedClaims()} returns it to {@code OPEN}. Replaying it again is safe (the
 * consumers deduplicate on {@code ce_id}). Every write after the claim names the claim it belongs to (its
 * {@code statusAt}), so a replay outlived by its claim cannot undo the next operator's.
 */
public class DeadLetterActions {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterActions.class);
    private static final String DLQ_HEADER_PREFIX = "x-dlq-";
    private static final String DLQ_SUFFIX = ".dlq";
    /** Who returns lapsed claims to OPEN, in the audit trail. */
    static final String SYSTEM = "ops-monitor";
    private static final String CLAIM_EXPIRES_AT = "claimExpiresAt";

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
    private final Duration claimTimeout;
    private final Clock clock;
    private final java.util.Set<String> latestValueTopics;

    public DeadLetterActions(MongoTemplate mongo, OperationalPicture picture, DeadLetterReader reader, EventProducer producer,
            PersonalDataMask mask, AuditTrail audit, Duration claimTimeout, Clock clock, java.util.Set<String> latestValueTopics) {
        this.mongo = mongo;
        this.picture = picture;
        this.reader = reader;
        this.producer = producer;
        this.mask = mask;
        this.audit = audit;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.latestValueTopics = latestValueTopics;
    }

    /** The dead letter, masked, as {@code operator} is shown it: every inspection is on the audit trail. */
    public Optional<Inspection> inspect(String id, String operator) {
        Optional<DeadLetter> found = picture.deadLetter(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter deadLetter = found.get();
        Optional<ConsumerRecord<String, byte[]>> record = reader.read(deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
        if (record.isEmpty()) {
            audit.record(operator, "INSPECT", id, "GONE", "the record is no longer on " + deadLetter.topic(), null);
            return Optional.of(new Inspection(deadLetter, false, null, Map.of(), null, null, 0));
        }
        audit.record(operator, "INSPECT", id, "DONE", "shown masked", null);
        ConsumerRecord<String, byte[]> r = record.get();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : r.headers()) {
            String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            headers.put(header.key(), mask.maskHeader(value));
        }
        JsonNode payload = mask.maskJson(r.value(), header(r, CloudEventHeaders.TYPE));
        String text = payload == null ? mask.maskText(r.value()) : null;
        return Optional.of(new Inspection(deadLetter, true, mask.maskHeader(r.key()), headers, payload, text,
                r.value() == null ? 0 : r.value().length));
    }

    public Outcome replay(String id, String operator, String note) {
        DeadLetter before = picture.deadLetter(id).orElse(null);
        if (before == null) {
            return new Outcome.NotFound();
        }
        Instant claimedAt = now();
        DeadLetter previous = mongo.findAndModify(takeable(id, List.of(DeadLetter.REPLAYING, DeadLetter.REPLAYED), claimedAt),
                new Update().set("status", DeadLetter.REPLAYING).set("statusAt", claimedAt).set("statusBy", operator)
                        .set("statusNote", note).set(CLAIM_EXPIRES_AT, claimedAt.plus(claimTimeout)),
                FindAndModifyOptions.options().returnNew(false), DeadLetter.class, OperationalPicture.DEAD_LETTERS);
        if (previous == null) {
            String detail = refusal(id) + " It is replayed at most once.";
            audit.record(operator, "REPLAY", id, "REFUSED", detail, note);
            return new Outcome.Conflict(detail);
        }
        // a lapsed claim taken over goes back to OPEN, not to REPLAYING, if this replay fails too
        String restoreTo = DeadLetter.REPLAYING.equals(previous.status()) ? DeadLetter.OPEN : previous.status();
        if (DeadLetter.REPLAYING.equals(previous.status())) {
            log.warn("Dead letter {}: the replay claimed by {} at {} never finished; {} takes it over", id,
                    previous.statusBy(), previous.statusAt(), operator);
        }
        Optional<ConsumerRecord<String, byte[]>> record = reader.read(before.topic(), before.partition(), before.offset());
        if (record.isEmpty()) {
            restore(id, claimedAt, restoreTo);
            String detail = "The record is no longer on " + before.topic() + " (retention): nothing to replay.";
            audit.record(operator, "REPLAY", id, "GONE", detail, note);
            return new Outcome.Gone(detail);
        }
        ConsumerRecord<String, byte[]> original = record.get();
        // where it goes is the dead-letter topic's own name, <topic>.<group>.dlq, never what a header inside it says
        String target = sourceTopic(before.topic());
        String type = header(original, CloudEventHeaders.TYPE);
        String misfit = target == null ? "The dead-letter topic " + before.topic() + " does not name a source topic (<topic>.<group>.dlq)."
                : latestValueTopics.contains(target) ? target + " keeps the latest value per key: this old value replayed there "
                        + "would replace a newer one. Not replayed: park it; the service that owns the topic publishes its "
                        + "current values again (commissioning: POST /api/commissioning/rebuild)."
                : !belongsOn(type, target) ? "Its event type " + type + " does not belong on " + target + ": not replayed there."
                : null;
        if (misfit != null) {
            restore(id, claimedAt, restoreTo);
            audit.record(operator, "REPLAY", id, "REFUSED", misfit, note);
            return new Outcome.Conflict(misfit);
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
            restore(id, claimedAt, restoreTo);
            String detail = "The broker did not take the replayed record: " + e.getClass().getSimpleName();
            audit.record(operator, "REPLAY", id, "FAILED", detail, note);
            log.warn("Replay of dead letter {} to {} failed: {}", id, target, e.toString());
            return new Outcome.Failed(detail);
        }
        // re-published: REPLAYED is true whoever holds the claim now
        DeadLetter replayed = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", DeadLetter.REPLAYED).set("statusAt", now()).unset(CLAIM_EXPIRES_AT),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class, OperationalPicture.DEAD_LETTERS);
        audit.record(operator, "REPLAY", id, "DONE", "re-published to " + target, note);
        log.info("Dead letter {} replayed to {} by {}", id, target, operator);
        return new Outcome.Done(replayed);
    }

    public Outcome park(String id, String operator, String note) {
        if (picture.deadLetter(id).isEmpty()) {
            return new Outcome.NotFound();
        }
        Instant now = now();
        DeadLetter parked = mongo.findAndModify(takeable(id, List.of(DeadLetter.REPLAYING, DeadLetter.REPLAYED, DeadLetter.PARKED), now),
                new Update().set("status", DeadLetter.PARKED).set("statusAt", now).set("statusBy", operator).set("statusNote", note)
                        .unset(CLAIM_EXPIRES_AT),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class, OperationalPicture.DEAD_LETTERS);
        if (parked == null) {
            String detail = refusal(id);
            audit.record(operator, "PARK", id, "REFUSED", detail, note);
            return new Outcome.Conflict(detail);
        }
        audit.record(operator, "PARK", id, "DONE", "parked", note);
        return new Outcome.Done(parked);
    }

    /**
     * Returns every dead letter whose replay claim lapsed (the replay was cut short) to {@code OPEN}, with an
     * audit entry each; replay and park take such a dead letter anyway, this keeps the picture true meanwhile.
     *
     * @return how many were returned
     */
    public int releaseLapsedClaims() {
        Instant now = now();
        int released = 0;
        for (DeadLetter lapsed : mongo.find(Query.query(lapsedClaim(Criteria.where("status").is(DeadLetter.REPLAYING), now)),
                DeadLetter.class, OperationalPicture.DEAD_LETTERS)) {
            String detail = "The replay claimed by " + lapsed.statusBy() + " at " + lapsed.statusAt() + " did not finish within "
                    + claimTimeout + ": open again. It may or may not have been re-published; replaying it again is safe.";
            long changed = mongo.updateFirst(ofClaim(lapsed.id(), lapsed.statusAt()),
                    new Update().set("status", DeadLetter.OPEN).set("statusAt", now).set("statusBy", SYSTEM)
                            .set("statusNote", detail).unset(CLAIM_EXPIRES_AT),
                    OperationalPicture.DEAD_LETTERS).getModifiedCount();
            if (changed == 1) {
                audit.record(SYSTEM, "RECOVER", lapsed.id(), "DONE", detail, null);
                log.warn("Dead letter {}: {}", lapsed.id(), detail);
                released++;
            }
        }
        return released;
    }

    /**
     * The dead letter, if its status is not one of {@code notFrom} (missing status = OPEN) or it is held by a
     * lapsed replay claim. One {@code _id} at the top of the query, so the store finds it by its id.
     */
    private Query takeable(String id, List<String> notFrom, Instant now) {
        return Query.query(Criteria.where("_id").is(id).orOperator(Criteria.where("status").nin(notFrom),
                lapsedClaim(Criteria.where("status").is(DeadLetter.REPLAYING), now)));
    }

    /** A REPLAYING claim past its expiry; one written before claims expired lapses {@code claimTimeout} after it was made. */
    private Criteria lapsedClaim(Criteria replaying, Instant now) {
        return replaying.orOperator(Criteria.where(CLAIM_EXPIRES_AT).lte(now),
                new Criteria().andOperator(Criteria.where(CLAIM_EXPIRES_AT).is(null), Criteria.where("statusAt").lte(now.minus(claimTimeout))));
    }

    /** The dead letter while still held by the claim made at {@code claimedAt}. */
    private static Query ofClaim(String id, Instant claimedAt) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(DeadLetter.REPLAYING).and("statusAt").is(claimedAt));
    }

    /** Why an action is refused now, in the operator's words. */
    private String refusal(String id) {
        DeadLetter now = picture.deadLetter(id).orElse(null);
        if (now == null) {
            return "This dead letter is gone.";
        }
        if (DeadLetter.REPLAYING.equals(now.status())) {
            return "This dead letter is being replayed by " + now.statusBy() + " since " + now.statusAt()
                    + "; if that replay does not finish, it can be acted on again from " + now.claimExpiresAt() + ".";
        }
        return "This dead letter is " + now.status().toLowerCase() + " already.";
    }

    /** Back to where it was before the claim made at {@code claimedAt}, unless another claim has taken it since. */
    private void restore(String id, Instant claimedAt, String status) {
        mongo.updateFirst(ofClaim(id, claimedAt), new Update().set("status", status).set("statusAt", now()).unset(CLAIM_EXPIRES_AT),
                OperationalPicture.DEAD_LETTERS);
    }

    /** Milliseconds, as the store keeps them: a claim is later recognised by its exact time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code <topic>} of a dead-letter topic {@code <topic>.<group>.dlq}; null when the name is not one. */
    static String sourceTopic(String deadLetterTopic) {
        if (deadLetterTopic == null || !deadLetterTopic.endsWith(DLQ_SUFFIX)) {
            return null;
        }
        String withGroup = deadLetterTopic.substring(0, deadLetterTopic.length() - DLQ_SUFFIX.length());
        int group = withGroup.lastIndexOf('.');
        if (group <= 0 || group == withGroup.length() - 1) {
            return null;
        }
        String topic = withGroup.substring(0, group);
        return topic.endsWith(DLQ_SUFFIX) ? null : topic;
    }

    /** Every event type is named for the service that publishes it, as its topics are: {@code referrals.X.v1} on {@code referrals.*}. */
    static boolean belongsOn(String type, String topic) {
        int dot = topic.indexOf('.');
        String owner = dot < 0 ? topic : topic.substring(0, dot);
        return type != null && type.startsWith(owner + ".");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
