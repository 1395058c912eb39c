package org.saferkent.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
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

import org.bson.Document;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

/**
 * Publishes the events waiting in aggregate documents, in order, and removes each one only after the
 * broker acknowledged it (at-least-once; consumers are idempotent).
 *
 * <p>Safe with several instances: a relay first claims a document with a lease
 * ({@code findOneAndUpdate}), publishes its events, then pulls exactly the acknowledged ones. A relay
 * that dies holding a lease delays that document by at most the lease; events written while no relay
 * ran are found by the sweep when one starts.
 *
 * <p>Lazy: a write in this instance wakes the relay for that document at once; otherwise the relay
 * sleeps until the next sweep, so an idle service does no work.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Hint(String collection, String id) {
    }

    private record Claimed(String collection, String id, List<PendingEvent> events) {
    }

    private final MongoTemplate mongo;
    private final EventProducer producer;
    private final Topics topics;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Set<String> collections = new CopyOnWriteArraySet<>();
    private final Set<String> declaredTopics = new CopyOnWriteArraySet<>();
    private final BlockingQueue<Hint> hints = new LinkedBlockingQueue<>();
    private final AtomicLong published = new AtomicLong();

    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(MongoTemplate mongo, EventProducer producer, Topics topics, OutboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.producer = producer;
        this.topics = topics;
        this.properties = properties;
        this.clock = clock;
    }

    void register(String collection) {
        collections.add(collection);
    }

    /** Asks the relay to publish the events of one document now. */
    void wake(String collection, String id) {
        if (running) {
            hints.offer(new Hint(collection, id));
        }
    }

    /** Events published by this relay since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** Documents of {@code collection} that still hold unpublished events (the backlog). */
    public long backlog(String collection) {
        return mongo.getCollection(collection).countDocuments(hasPending());
    }

    public Set<String> collections() {
        return Set.copyOf(collections);
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

    /** Publishes everything claimable now, round after round, until no document is left waiting. */
    void sweep() {
        for (String collection : collections) {
            List<Claimed> claimed;
            do {
                claimed = new ArrayList<>();
                for (int i = 0; i < properties.batchSize(); i++) {
                    Claimed next = claim(collection, hasPending());
                    if (next == null) {
                        break;
                    }
                    claimed.add(next);
                }
                relay(claimed);
            } while (claimed.size() == properties.batchSize() && running);
        }
    }

    private List<Claimed> claimHinted(List<Hint> batch) {
        Map<Hint, Boolean> unique = new LinkedHashMap<>();
        batch.forEach(hint -> unique.put(hint, Boolean.TRUE));
        List<Claimed> claimed = new ArrayList<>();
        for (Hint hint : unique.keySet()) {
            Claimed next = claim(hint.collection(), new Document("_id", hint.id()).append(AggregateStore.PENDING_EVENTS + ".0",
                    new Document("$exists", true)));
            if (next != null) {
                claimed.add(next);
            }
        }
        return claimed;
    }

    private Claimed claim(String collection, Document filter) {
        Date now = Date.from(clock.instant());
        Document claimable = new Document(filter).append("$or", List.of(
                new Document(AggregateStore.RELAY_LEASE, null),
                new Document(AggregateStore.RELAY_LEASE + ".until", new Document("$lt", now))));
        Document lease = new Document("owner", owner).append("until", Date.from(clock.instant().plus(properties.lease())));
        Document doc = mongo.getCollection(collection).findOneAndUpdate(claimable,
                new Document("$set", new Document(AggregateStore.RELAY_LEASE, lease)),
                new FindOneAndUpdateOptions()
                        .projection(new Document(AggregateStore.PENDING_EVENTS, 1))
                        .returnDocument(ReturnDocument.AFTER));
        if (doc == null) {
            return null;
        }
        List<PendingEvent> events = doc.getList(AggregateStore.PENDING_EVENTS, Document.class).stream()
                .map(PendingEvent::fromDocument).toList();
        return new Claimed(collection, doc.getString("_id"), events);
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
                futures.add(producer.send(event.toRecord()));
            }
            sends.put(doc, futures);
        }
        producer.flush();
        Instant deadline = clock.instant().plus(properties.publishTimeout());
        for (Map.Entry<Claimed, List<CompletableFuture<?>>> entry : sends.entrySet()) {
            Claimed doc = entry.getKey();
            List<String> acked = new ArrayList<>();
            for (int i = 0; i < doc.events().size(); i++) {
                if (!acknowledged(entry.getValue().get(i), deadline)) {
                    break; // keep order: what follows a failed event is published again with it
                }
                acked.add(doc.events().get(i).metadata().id());
            }
            release(doc, acked);
        }
    }

    private boolean acknowledged(CompletableFuture<?> send, Instant deadline) {
        try {
            send.get(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Broker did not acknowledge an outbox event: {}", e.toString());
            return false;
        }
    }

    /** Removes the acknowledged events and gives the lease back (if it is still ours). */
    private void release(Claimed doc, List<String> acked) {
        MongoCollection<Document> collection = mongo.getCollection(doc.collection());
        Document pull = new Document("$pull", new Document(AggregateStore.PENDING_EVENTS,
                new Document(PendingEvent.EVENT_ID, new Document("$in", acked))));
        Document pullAndRelease = new Document(pull).append("$unset", new Document(AggregateStore.RELAY_LEASE, ""));
        long matched = collection.updateOne(
                new Document("_id", doc.id()).append(AggregateStore.RELAY_LEASE + ".owner", owner), pullAndRelease)
                .getMatchedCount();
        if (matched == 0 && !acked.isEmpty()) {
            collection.updateOne(new Document("_id", doc.id()), pull);
        }
        published.addAndGet(acked.size());
    }

    private void declareTopics(List<Claimed> claimed) {
        for (Claimed doc : claimed) {
            for (PendingEvent event : doc.events()) {
                if (declaredTopics.add(event.topic())) {
                    topics.declare(event.topic());
                }
            }
        }
    }

    private static Document hasPending() {
        return new Document(AggregateStore.PENDING_EVENTS + ".0", new Document("$exists", true));
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
