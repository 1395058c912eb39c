package org.saferkent.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * Publishes the events waiting in aggregate documents, in order, and removes each one only after the
 * broker acknowledged it (at-least-once; consumers are idempotent).
 *
 * <p>Safe with several instances: a relay first claims a document with a lease
 * ({@code findOneAndUpdate}), publishes its events, then pulls exactly the acknowledged ones. A relay
 * that dies holding a lease delays that document by at most the lease; events written while no relay
 * ran are found by the sweep when one starts.
 *
 * <p>Indexed: a document holds {@code relayDue} exactly while it has events to publish (the
 * {@link AggregateStore} sets it in the write that adds them; the relay unsets it when it has taken
 * every event away and nothing was added meanwhile), so the sweep and the backlog count read a sparse
 * index on it instead of scanning the collection.
 *
 * <p>An event the broker refuses for good (too large, an invalid topic: see {@link #refusedForGood})
 * does not hold its aggregate up: it is moved aside into the document's {@code parkedEvents}, in the
 * same atomic update that takes it from {@code pendingEvents}, reported on {@code ops.events}
 * ({@value OutboxEventParked#TYPE}), and the aggregate's later events flow. An operator lists parked
 * events with {@link #parked()} and puts one back with {@link #retry(String)}. A broker that does not
 * answer in time is not a refusal: the event and everything after it are published again later, in order.
 *
 * <p>Lazy: a write in this instance wakes the relay for that document at once; otherwise the relay
 * sleeps until the next sweep, so an idle service does no work.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE_OWNER = AggregateStore.RELAY_LEASE + ".owner";
    private static final String PARKED_EVENT_ID = AggregateStore.PARKED_EVENTS + "." + PendingEvent.EVENT_ID;
    private static final String PARKED_REASON = "reason";
    private static final String PARKED_AT = "parkedAt";
    /** One-time upgrades of the aggregate collections, done once per collection ever. */
    static final String UPGRADES = "outbox_upgrades";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /** Refusals about the record itself: sending it again can never succeed. */
    private static final List<Class<? extends Throwable>> REFUSED_FOR_GOOD = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    /** What {@link #retry(String)} did. */
    public enum Retry { RETRIED, NOT_FOUND, BUSY }

    /** A document to publish now; {@code preLeased}: written under this relay's {@link #preLease()}, so not to be claimed. */
    private record Hint(String collection, String id, boolean preLeased) {
    }

    /** A claimed document: the lease it is held under, its events and the version they were read at. */
    private record Claimed(String collection, Object id, String lease, Object version, List<PendingEvent> events) {
    }

    /** What the broker made of one claimed document's events. */
    private record Outcome(Claimed doc, List<String> acked, List<Refused> refused, boolean complete) {

        boolean plain() {
            return complete && refused.isEmpty();
        }
    }

    private record Refused(PendingEvent event, String reason) {
    }

    private final MongoTemplate mongo;
    private final EventProducer producer;
    private final Topics topics;
    private final EventJson json;
    private final EventSource source;
    private final OutboxProperties properties;
    private final Clock clock;
    private final EventTracing tracing;
    private final String owner = "relay-" + UUID.randomUUID();
    /** The lease documents inserted in this instance are written under (see {@link #preLease()}). */
    private final String insertLease = owner + "#insert";
    private final Set<String> collections = new CopyOnWriteArraySet<>();
    private final Set<String> declaredTopics = new CopyOnWriteArraySet<>();
    private final BlockingQueue<Hint> hints = new LinkedBlockingQueue<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();

    private volatile boolean running;
    private Thread thread;

    /** A relay outside a service (tests): traces on a tracer of its own that exports nothing. */
    public OutboxRelay(MongoTemplate mongo, EventProducer producer, Topics topics, EventJson json, EventSource source,
            OutboxProperties properties, Clock clock) {
        this(mongo, producer, topics, json, source, properties, clock, EventTracing.standalone());
    }

    public OutboxRelay(MongoTemplate mongo, EventProducer producer, Topics topics, EventJson json, EventSource source,
            OutboxProperties properties, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.mongo = mongo;
        this.producer = producer;
        this.topics = topics;
        this.json = json;
        this.source = source;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes {@code collection} into the relay's care: declares the indexes the sweep, the backlog and
     * the parked events are read by, and gives documents written before {@code relayDue} existed (pending
     * events without it) their {@code relayDue}. That upgrade reads the whole collection, so it runs once
     * per collection, ever: {@value #UPGRADES} records that it was done, and later starts skip it (a start
     * with years of aggregates stored read them all). A store that cannot create its indexes fails here:
     * it is not started without them.
     */
    void register(String collection) {
        if (collections.contains(collection)) {
            return;
        }
        MongoCollection<Document> documents = mongo.getCollection(collection);
        documents.createIndex(Indexes.ascending(AggregateStore.RELAY_DUE),
                new IndexOptions().sparse(true).name(AggregateStore.RELAY_DUE));
        documents.createIndex(Indexes.ascending(PARKED_EVENT_ID), new IndexOptions().sparse(true).name(PARKED_EVENT_ID));
        Document upgrade = new Document("_id", collection + ":" + AggregateStore.RELAY_DUE);
        MongoCollection<Document> upgrades = mongo.getCollection(UPGRADES);
        if (upgrades.countDocuments(upgrade) == 0) {
            long backfilled = documents.updateMany(
                    new Document(AggregateStore.RELAY_DUE, new Document("$exists", false)).append(AggregateStore.PENDING_EVENTS + ".0",
                            new Document("$exists", true)),
                    new Document("$set", new Document(AggregateStore.RELAY_DUE, Date.from(clock.instant())))).getModifiedCount();
            if (backfilled > 0) {
                log.info("Outbox: {} document(s) of {} with pending events were given their relayDue", backfilled, collection);
            }
            // every write from here on sets relayDue itself; another instance doing the same meanwhile is harmless
            upgrades.replaceOne(upgrade, new Document(upgrade).append("doneAt", Date.from(clock.instant())),
                    new ReplaceOptions().upsert(true));
        }
        collections.add(collection);
    }

    /** Asks the relay to publish the events of one document now. */
    void wake(String collection, String id) {
        if (running) {
            hints.offer(new Hint(collection, id, false));
        }
    }

    /**
     * The lease a document inserted now with events is written under, in the insert itself, so that this
     * relay publishes it without first claiming it: one store write (the release) instead of two for
     * every new aggregate. Null while the relay is not running (the sweep then claims the document as
     * usual). Other relays leave the document alone while the lease lasts, as with any claim; should this
     * process die first, the lease runs out and any relay's sweep takes the document.
     */
    Document preLease() {
        if (!running) {
            return null;
        }
        return new Document("owner", insertLease).append("until", Date.from(clock.instant().plus(properties.lease())));
    }

    /** Asks the relay to publish the events of a document inserted under {@link #preLease()}. */
    void wakePreLeased(String collection, String id) {
        if (running) {
            hints.offer(new Hint(collection, id, true));
        }
    }

    /** Events published by this relay since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** Events this relay parked since it started (refused for good by the broker). */
    public long parkedCount() {
        return parked.get();
    }

    /** Documents of {@code collection} that still hold unpublished events (the backlog; read from the relayDue index). */
    public long backlog(String collection) {
        return mongo.getCollection(collection).countDocuments(new Document(AggregateStore.RELAY_DUE, new Document("$exists", true)));
    }

    public Set<String> collections() {
        return Set.copyOf(collections);
    }

    /** Every parked event of every registered collection, oldest first (no payloads). */
    public List<ParkedEvent> parked() {
        List<ParkedEvent> all = new ArrayList<>();
        for (String collection : collections.stream().sorted().toList()) {
            for (Document doc : mongo.getCollection(collection)
                    .find(new Document(PARKED_EVENT_ID, new Document("$exists", true)))
                    .projection(new Document(AggregateStore.PARKED_EVENTS, 1))) {
                for (Document entry : doc.getList(AggregateStore.PARKED_EVENTS, Document.class, List.of())) {
                    all.add(new ParkedEvent(collection, String.valueOf(doc.get("_id")), entry.getString(PendingEvent.EVENT_ID),
                            entry.getString("type"), entry.getString("topic"), entry.getString(PARKED_REASON),
                            entry.getDate(PARKED_AT).toInstant()));
                }
            }
        }
        all.sort(Comparator.comparing(ParkedEvent::parkedAt));
        return all;
    }

    /**
     * Puts a parked event back at the end of its aggregate's pending events and wakes the relay. Only
     * while no relay holds the document (a relay still busy with it would not see the event and could
     * clear {@code relayDue} under it): {@link Retry#BUSY} then, try again once its lease is over.
     */
    public Retry retry(String eventId) {
        for (String collection : collections) {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            Document doc = documents.find(new Document(PARKED_EVENT_ID, eventId))
                    .projection(new Document(AggregateStore.PARKED_EVENTS, 1)).first();
            if (doc == null) {
                continue;
            }
            Document entry = doc.getList(AggregateStore.PARKED_EVENTS, Document.class).stream()
                    .filter(parkedEntry -> eventId.equals(parkedEntry.getString(PendingEvent.EVENT_ID))).findFirst().orElseThrow();
            Document pending = new Document(entry);
            pending.remove(PARKED_REASON);
            pending.remove(PARKED_AT);
            Date now = Date.from(clock.instant());
            Document free = new Document("_id", doc.get("_id")).append(PARKED_EVENT_ID, eventId).append("$or", List.of(
                    new Document(AggregateStore.RELAY_LEASE, null),
                    new Document(AggregateStore.RELAY_LEASE + ".until", new Document("$lt", now))));
            long moved = documents.updateOne(free, new Document("$pull",
                    new Document(AggregateStore.PARKED_EVENTS, new Document(PendingEvent.EVENT_ID, eventId)))
                    .append("$push", new Document(AggregateStore.PENDING_EVENTS, pending))
                    .append("$set", new Document(AggregateStore.RELAY_DUE, now))
                    // a lease that ran out is taken away: its relay must not clear relayDue over this event
                    .append("$unset", new Document(AggregateStore.RELAY_LEASE, ""))).getMatchedCount();
            if (moved == 1) {
                log.info("Outbox: parked event {} ({}) of {} put back for publishing", eventId, entry.getString("type"), collection);
                wake(collection, String.valueOf(doc.get("_id")));
                return Retry.RETRIED;
            }
            return documents.countDocuments(new Document(PARKED_EVENT_ID, eventId)) > 0 ? Retry.BUSY : Retry.NOT_FOUND;
        }
        return Retry.NOT_FOUND;
    }

    @Override
    public void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.publishTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        givePreLeasesBack();
    }

    /**
     * Documents inserted under this relay's pre-lease that it will not publish now (it stops) are given
     * back, so the next relay to sweep takes them at once rather than when the lease runs out. Best effort:
     * a store that does not answer leaves them to the lease.
     */
    private void givePreLeasesBack() {
        List<Hint> left = new ArrayList<>();
        hints.drainTo(left);
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        left.stream().filter(Hint::preLeased)
                .forEach(hint -> byCollection.computeIfAbsent(hint.collection(), c -> new ArrayList<>()).add(hint.id()));
        byCollection.forEach((collection, ids) -> {
            try {
                mongo.getCollection(collection).updateMany(
                        new Document("_id", new Document("$in", ids)).append(LEASE_OWNER, insertLease),
                        new Document("$unset", new Document(AggregateStore.RELAY_LEASE, "")));
            } catch (RuntimeException e) {
                log.info("Outbox: {} pre-leased document(s) of {} left to their lease ({})", ids.size(), collection, e.toString());
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop the relay after the listeners (which may still write) and before the Kafka producer. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private void loop() {
        Instant nextSweep = Instant.EPOCH; // sweep at once: pick up what a previous process left behind
        while (running) {
            try {
                List<Hint> batch = new ArrayList<>();
                long waitMillis = Math.max(0, Duration.between(clock.instant(), nextSweep).toMillis());
                Hint first = hints.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    hints.drainTo(batch, properties.batchSize() - 1);
                    relay(claimHinted(batch));
                }
                if (!clock.instant().isBefore(nextSweep)) {
                    sweep();
                    nextSweep = clock.instant().plus(properties.sweepInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying after the next sweep interval: {}", e.toString());
                pause();
            }
        }
    }

    /**
     * Publishes everything claimable now, round after round, until no document is left waiting. A document
     * the sweep finds due may hold no events any more (its events went out while a write that added none
     * moved its version on): claimed all the same, its release takes away {@code relayDue}.
     */
    void sweep() {
        for (String collection : collections) {
            List<Claimed> claimed;
            do {
                Date now = Date.from(clock.instant());
                List<Object> due = mongo.getCollection(collection)
                        .find(new Document(AggregateStore.RELAY_DUE, new Document("$lte", now)).append("$or", leaseFree(now)))
                        .projection(new Document("_id", 1)).limit(properties.batchSize())
                        .map(doc -> doc.get("_id")).into(new ArrayList<>());
                claimed = claim(collection, due, new Document(AggregateStore.RELAY_DUE, new Document("$exists", true)));
                relay(claimed);
            } while (claimed.size() == properties.batchSize() && running);
        }
    }

    /**
     * The documents of a batch of hints: those inserted under this relay's pre-lease are read (they are
     * held already), the others claimed. A document with both kinds of hint is read once, under its pre-lease.
     */
    private List<Claimed> claimHinted(List<Hint> batch) {
        Map<String, Set<Object>> preLeased = new LinkedHashMap<>();
        Map<String, Set<Object>> toClaim = new LinkedHashMap<>();
        batch.forEach(hint -> (hint.preLeased() ? preLeased : toClaim)
                .computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id()));
        List<Claimed> claimed = new ArrayList<>();
        preLeased.forEach((collection, ids) -> claimed.addAll(read(collection, List.copyOf(ids), insertLease)));
        toClaim.forEach((collection, ids) -> {
            ids.removeAll(preLeased.getOrDefault(collection, Set.of()));
            claimed.addAll(claim(collection, List.copyOf(ids),
                    new Document(AggregateStore.PENDING_EVENTS + ".0", new Document("$exists", true))));
        });
        return claimed;
    }

    /**
     * Claims, in one write, those of {@code ids} that have events and no live lease, under a lease named
     * for this round, then reads what the round got. One write per round however many documents it holds
     * (it was a {@code findOneAndUpdate} per document): under load a round carries many aggregates'
     * events, so the relay's writes per event fall as the load rises.
     */
    private List<Claimed> claim(String collection, List<Object> ids, Document condition) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        String lease = owner + "#" + rounds.incrementAndGet();
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Document claimable = new Document("_id", new Document("$in", ids)).append("$or", leaseFree(now));
        claimable.putAll(condition);
        Document leased = new Document("owner", lease).append("until", Date.from(clock.instant().plus(properties.lease())));
        if (documents.updateMany(claimable, new Document("$set", new Document(AggregateStore.RELAY_LEASE, leased)))
                .getModifiedCount() == 0) {
            return List.of();
        }
        return read(collection, ids, lease);
    }

    /** Those of {@code ids} held under {@code lease}, with their events and the version they were read at. */
    private List<Claimed> read(String collection, List<Object> ids, String lease) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        List<Claimed> claimed = new ArrayList<>();
        for (Document doc : documents.find(new Document("_id", new Document("$in", ids)).append(LEASE_OWNER, lease))
                .projection(new Document(AggregateStore.PENDING_EVENTS, 1).append(AggregateStore.VERSION, 1))) {
            List<PendingEvent> events = doc.getList(AggregateStore.PENDING_EVENTS, Document.class, List.of()).stream()
                    .map(PendingEvent::fromDocument).toList();
            claimed.add(new Claimed(collection, doc.get("_id"), lease, doc.get(AggregateStore.VERSION), events));
        }
        return claimed;
    }

    private void relay(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        declareTopics(claimed);
        Map<Claimed, List<CompletableFuture<?>>> sends = new LinkedHashMap<>();
        for (Claimed doc : claimed) {
            List<CompletableFuture<?>> futures = new ArrayList<>();
            for (PendingEvent event : doc.events()) {
                futures.add(send(event));
            }
            sends.put(doc, futures);
        }
        producer.flush();
        Instant deadline = clock.instant().plus(properties.publishTimeout());
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<Claimed, List<CompletableFuture<?>>> entry : sends.entrySet()) {
            Claimed doc = entry.getKey();
            List<String> acked = new ArrayList<>();
            List<Refused> refused = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < doc.events().size(); i++) {
                PendingEvent event = doc.events().get(i);
                Throwable failure = failure(entry.getValue().get(i), deadline);
                if (failure == null) {
                    acked.add(event.metadata().id());
                } else if (refusedForGood(failure) != null) {
                    refused.add(new Refused(event, refusedForGood(failure).getClass().getName()));
                } else {
                    log.warn("Broker did not acknowledge an outbox event: {}", failure.toString());
                    complete = false;
                    break; // keep order: what follows a failed event is published again with it
                }
            }
            outcomes.add(new Outcome(doc, acked, refused, complete));
        }
        releasePlain(outcomes.stream().filter(Outcome::plain).toList());
        outcomes.stream().filter(outcome -> !outcome.plain())
                .forEach(outcome -> release(outcome.doc(), outcome.acked(), outcome.refused()));
    }

    /**
     * Releases the documents whose every event the broker acknowledged, in one write for the whole round:
     * each loses its published events and its lease, and {@code relayDue} too while its version is still
     * the one claimed. Only when some document changed meanwhile (a writer added events) does a second
     * write release those without touching {@code relayDue}, and only when a lease ran out (another relay
     * may hold the document) does a third take away just what the broker has.
     */
    private void releasePlain(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byCollection = new LinkedHashMap<>();
        outcomes.forEach(outcome -> byCollection.computeIfAbsent(outcome.doc().collection(), c -> new ArrayList<>()).add(outcome));
        byCollection.forEach((name, list) -> {
            MongoCollection<Document> collection = mongo.getCollection(name);
            int released = collection.bulkWrite(list.stream().map(outcome -> update(
                    leased(outcome.doc()).append(AggregateStore.VERSION, outcome.doc().version()),
                    new Document("$pull", pulled(outcome.acked())).append("$unset",
                            new Document(AggregateStore.RELAY_LEASE, "").append(AggregateStore.RELAY_DUE, "")))).toList(),
                    UNORDERED).getMatchedCount();
            if (released < list.size()) {
                released += collection.bulkWrite(list.stream().map(outcome -> update(leased(outcome.doc()),
                        new Document("$pull", pulled(outcome.acked())).append("$unset", new Document(AggregateStore.RELAY_LEASE, ""))))
                        .toList(), UNORDERED).getMatchedCount();
                wakeChangedMeanwhile(collection, list);
            }
            if (released < list.size()) {
                collection.bulkWrite(list.stream().map(outcome -> update(new Document("_id", outcome.doc().id()),
                        new Document("$pull", pulled(outcome.acked())))).toList(), UNORDERED);
            }
            list.forEach(outcome -> published.addAndGet(outcome.acked().size()));
        });
    }

    /**
     * A writer added events to some of these documents while their earlier ones were being published (the
     * write's own wake-up may have been taken by this very round): the ones still due and free are woken,
     * so their new events go out in the next round, not at the next sweep.
     */
    private void wakeChangedMeanwhile(MongoCollection<Document> collection, List<Outcome> list) {
        if (!running) {
            return;
        }
        List<Object> ids = list.stream().map(outcome -> outcome.doc().id()).toList();
        Document due = new Document("_id", new Document("$in", ids)).append(AggregateStore.RELAY_DUE, new Document("$exists", true))
                .append("$or", leaseFree(Date.from(clock.instant())));
        for (Document doc : collection.find(due).projection(new Document("_id", 1))) {
            wake(collection.getNamespace().getCollectionName(), String.valueOf(doc.get("_id")));
        }
    }

    /** A document no relay holds now: no lease, or one that ran out. */
    static List<Document> leaseFree(Date now) {
        return List.of(new Document(AggregateStore.RELAY_LEASE, null),
                new Document(AggregateStore.RELAY_LEASE + ".until", new Document("$lt", now)));
    }

    private static WriteModel<Document> update(Document filter, Document update) {
        return new UpdateOneModel<>(filter, update);
    }

    private static Document leased(Claimed doc) {
        return new Document("_id", doc.id()).append(LEASE_OWNER, doc.lease());
    }

    private static Document pulled(List<String> eventIds) {
        return new Document(AggregateStore.PENDING_EVENTS, new Document(PendingEvent.EVENT_ID, new Document("$in", eventIds)));
    }

    /** How the events recorded through this relay's stores are traced. */
    EventTracing tracing() {
        return tracing;
    }

    /**
     * A send that fails at once (the producer may throw instead of failing the future) fails like any other.
     * It is traced: a producer span, child of the trace context stored with the event, from the send to the
     * broker's answer; its traceparent is the record's {@code ce_traceparent}.
     */
    private CompletableFuture<?> send(PendingEvent event) {
        EventTracing.Publishing publishing = tracing.publishing(event.metadata(), event.topic());
        CompletableFuture<?> sent;
        try {
            sent = producer.send(event.toRecord(publishing.traceparent()));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, failure) -> publishing.end(failure));
        return sent;
    }

    /** Null when the broker acknowledged the send, otherwise why not (a timeout, an interrupt, the broker's error). */
    private Throwable failure(CompletableFuture<?> send, Instant deadline) {
        try {
            send.get(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    /**
     * The broker's refusal of this very record, which sending it again can never overcome (it is too
     * large, its topic name is invalid, it cannot be serialized), or null for anything else: timeouts,
     * an unreachable broker, authorisation or a fenced producer concern every event alike and are
     * retried, in order.
     */
    static Throwable refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> refusal : REFUSED_FOR_GOOD) {
                if (refusal.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }

    /**
     * Releases a document the broker did not take whole (see {@link #releasePlain} for the others): removes the
     * acknowledged events and gives the lease back (if it is still ours), leaving {@code relayDue} for the next
     * round, which publishes what is left. Refused events are parked in the same update that removes them,
     * after their reports were added as events of the document.
     */
    private void release(Claimed doc, List<String> acked, List<Refused> refused) {
        MongoCollection<Document> collection = mongo.getCollection(doc.collection());
        Document leased = leased(doc);
        List<String> done = new ArrayList<>(acked);
        refused.forEach(r -> done.add(r.event().metadata().id()));
        Document pull = pulled(done);
        boolean released = refused.isEmpty()
                ? collection.updateOne(leased, new Document("$pull", pull).append("$unset",
                        new Document(AggregateStore.RELAY_LEASE, ""))).getMatchedCount() == 1
                : park(collection, doc, leased, pull, refused);
        if (!released && !acked.isEmpty()) {
            // the lease ran out and another relay may hold the document: take away only what the broker has
            collection.updateOne(new Document("_id", doc.id()), new Document("$pull", pulled(acked)));
        }
        published.addAndGet(acked.size());
    }

    /**
     * First adds the reports ({@value OutboxEventParked#TYPE}) as events of the document, then moves
     * the refused events from {@code pendingEvents} to {@code parkedEvents} in one update (so a refused
     * event is always in one of the two), both only while the lease is ours. Should the process die in
     * between, the event is refused again by the next relay and reported twice, never lost.
     */
    private boolean park(MongoCollection<Document> collection, Claimed doc, Document leased, Document pull, List<Refused> refused) {
        Date now = Date.from(clock.instant());
        List<Document> reports = refused.stream()
                .filter(r -> !OutboxEventParked.TYPE.equals(r.event().metadata().type())) // a report is not reported
                .map(r -> report(doc.collection(), r, now).toDocument()).toList();
        if (!reports.isEmpty() && collection.updateOne(leased, new Document("$push",
                new Document(AggregateStore.PENDING_EVENTS, new Document("$each", reports)))
                .append("$set", new Document(AggregateStore.RELAY_DUE, now))).getMatchedCount() == 0) {
            return false;
        }
        List<Document> entries = refused.stream().map(r -> r.event().toDocument()
                .append(PARKED_REASON, r.reason()).append(PARKED_AT, now)).toList();
        if (collection.updateOne(leased, new Document("$pull", pull)
                .append("$push", new Document(AggregateStore.PARKED_EVENTS, new Document("$each", entries)))
                .append("$unset", new Document(AggregateStore.RELAY_LEASE, ""))).getMatchedCount() == 0) {
            return false;
        }
        for (Refused r : refused) {
            log.warn("Outbox: the broker refused event {} ({}) of {} {} for good ({}); parked, the aggregate's later events go on",
                    r.event().metadata().id(), r.event().metadata().type(), doc.collection(), doc.id(), r.reason());
        }
        parked.addAndGet(refused.size());
        if (!reports.isEmpty()) {
            wake(doc.collection(), String.valueOf(doc.id()));
        }
        return true;
    }

    private PendingEvent report(String collection, Refused refused, Date now) {
        PendingEvent event = refused.event();
        // caused by the parked event: same correlation and trace
        String correlationId = event.metadata().correlationId() != null ? event.metadata().correlationId() : event.metadata().id();
        OutboxEventParked payload = new OutboxEventParked(source.serviceName(), collection, event.key(),
                event.metadata().type(), event.metadata().id(), event.topic(), refused.reason(), now.toInstant());
        EventMetadata metadata = new EventMetadata(UUID.randomUUID().toString(), OutboxEventParked.TYPE, source.uri(),
                event.key(), now.toInstant(), correlationId, event.metadata().id(), 0, event.metadata().traceparent());
        return new PendingEvent(Topics.OPS_EVENTS, event.key(), metadata, json.writeString(payload));
    }

    /**
     * A topic that cannot be declared fails the round (nothing is sent to an undeclared topic), unless
     * its very name is refused: then its events are sent, refused and parked.
     */
    private void declareTopics(List<Claimed> claimed) {
        for (Claimed doc : claimed) {
            for (PendingEvent event : doc.events()) {
                if (declaredTopics.add(event.topic())) {
                    try {
                        topics.declare(event.topic());
                    } catch (RuntimeException e) {
                        declaredTopics.remove(event.topic());
                        if (refusedForGood(e) == null) {
                            throw e;
                        }
                        log.warn("Topic {} cannot be declared: {}", event.topic(), e.toString());
                    }
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.sweepInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
