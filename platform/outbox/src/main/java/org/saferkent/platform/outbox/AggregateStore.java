package org.saferkent.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.WireNames;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;

/**
 * Stores one kind of aggregate together with the events its changes produced, without
 * multi-document transactions: the state and its new events are one document written by one atomic,
 * version-checked operation, so a change is never saved without its events nor an event published
 * for a change that was not saved. The {@link OutboxRelay} later publishes the events and removes
 * them from the document.
 *
 * <p>Document layout: the state's own fields at the top level (queryable as usual), plus
 * {@code version}, {@code pendingEvents}, {@code appliedEvents} (ids of inbound events already applied,
 * for idempotent consumers), {@code relayLease}, {@code relayDue} (set in every write that adds events,
 * removed by the relay once none is left) and {@code parkedEvents} (events the broker refused for good).
 *
 * @param <S> the aggregate's state: a record or class Spring Data can map
 */
public class AggregateStore<S> {

    static final String VERSION = "version";
    static final String PENDING_EVENTS = "pendingEvents";
    static final String APPLIED_EVENTS = "appliedEvents";
    static final String RELAY_LEASE = "relayLease";
    /** Present exactly while the document has events to publish (indexed, sparse: what the sweep and the backlog read). */
    static final String RELAY_DUE = "relayDue";
    static final String PARKED_EVENTS = "parkedEvents";
    private static final Set<String> RESERVED = Set.of("_id", "_class", VERSION, PENDING_EVENTS, APPLIED_EVENTS, RELAY_LEASE,
            RELAY_DUE, PARKED_EVENTS);
    /** Enough to recognise any redelivery Kafka can produce for one aggregate (a rebalance replays a few). */
    private static final int APPLIED_EVENTS_KEPT = 100;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventJson json;
    private final EventSource source;
    private final Clock clock;
    private final String collection;
    private final String topic;
    private final Class<S> stateType;
    private final List<String> stateFields;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay, EventJson json, EventSource source, Clock clock,
            String collection, String topic, Class<S> stateType) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.collection = collection;
        this.topic = topic;
        this.stateType = stateType;
        this.stateFields = fieldNames(mongo, stateType);
        relay.register(collection);
    }

    public String collection() {
        return collection;
    }

    public String topic() {
        return topic;
    }

    public Optional<Loaded<S>> find(String id) {
        Document doc = mongo.getCollection(collection).find(new Document("_id", id)).first();
        if (doc == null) {
            return Optional.empty();
        }
        S state = mongo.getConverter().read(stateType, doc);
        return Optional.of(new Loaded<>(state, ((Number) doc.get(VERSION)).longValue()));
    }

    /**
     * Creates the aggregate with its first events.
     *
     * @return false when an aggregate with this id exists already (nothing is written): callers
     *         deriving the id from an inbound event get idempotence from this
     */
    public boolean insert(String id, S state, List<?> events) {
        // held for this instance's relay from the start: it publishes without claiming first
        Document preLease = events.isEmpty() ? null : relay.preLease();
        Document doc = newDocument(id, state, events, preLease, null);
        try {
            mongo.getCollection(collection).insertOne(doc);
        } catch (MongoWriteException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
        wakeRelay(id, events, preLease != null);
        return true;
    }

    /** A new aggregate's document: its state, version 1, its first events (due for the relay, under {@code preLease} if any). */
    private Document newDocument(String id, S state, List<?> events, Document preLease, EventTracing.Origin origin) {
        Document doc = toDocument(state);
        doc.put("_id", id);
        doc.put(VERSION, 1L);
        doc.put(PENDING_EVENTS, pending(id, 1L, events, origin));
        if (!events.isEmpty()) {
            doc.put(RELAY_DUE, Date.from(clock.instant()));
            if (preLease != null) {
                doc.put(RELAY_LEASE, preLease);
            }
        }
        doc.put(APPLIED_EVENTS, List.of());
        return doc;
    }

    /** A new aggregate with its first events, for {@link #insertAll}; {@code origin} as in {@link Change}. */
    public record New<S>(String id, S state, List<?> events, EventTracing.Origin origin) {
    }

    /**
     * {@link #insert} for many aggregates in one write (a consumer's whole poll): those whose id exists
     * already are left as they are.
     *
     * @param news at most one per id
     * @return the ids inserted by this call
     */
    public Set<String> insertAll(List<New<S>> news) {
        if (news.isEmpty()) {
            return Set.of();
        }
        List<Document> docs = new ArrayList<>(news.size());
        boolean anyEvents = news.stream().anyMatch(n -> !n.events().isEmpty());
        Document preLease = anyEvents ? relay.preLease() : null;
        for (New<S> created : news) {
            docs.add(newDocument(created.id(), created.state(), created.events(), preLease, created.origin()));
        }
        Set<Integer> existing = new HashSet<>();
        try {
            mongo.getCollection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (com.mongodb.ErrorCategory.fromErrorCode(error.getCode()) != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        Set<String> inserted = new LinkedHashSet<>();
        for (int i = 0; i < news.size(); i++) {
            if (!existing.contains(i)) {
                New<S> created = news.get(i);
                inserted.add(created.id());
                wakeRelay(created.id(), created.events(), preLease != null);
            }
        }
        return inserted;
    }

    /**
     * Saves a new state and its events if the aggregate is still at {@code expectedVersion}.
     *
     * @throws ConcurrentUpdateException when another writer got there first
     */
    public void update(String id, long expectedVersion, S state, List<?> events) {
        if (!write(id, expectedVersion, state, events, null)) {
            throw new ConcurrentUpdateException(collection, id, expectedVersion);
        }
    }

    /**
     * Like {@link #update} for a change caused by an inbound event: the event's id is recorded in the
     * same atomic write, and a redelivered event changes nothing.
     *
     * @return false when {@code causedBy} was applied already
     * @throws ConcurrentUpdateException when another writer got there first
     */
    public boolean applyOnce(String id, long expectedVersion, S state, List<?> events, String causedBy) {
        if (write(id, expectedVersion, state, events, causedBy)) {
            return true;
        }
        long applied = mongo.getCollection(collection).countDocuments(
                new Document("_id", id).append(APPLIED_EVENTS, causedBy));
        if (applied > 0) {
            return false;
        }
        throw new ConcurrentUpdateException(collection, id, expectedVersion);
    }

    /** Whether the inbound event {@code eventId} has changed this aggregate already. */
    public boolean hasApplied(String id, String eventId) {
        return mongo.getCollection(collection).countDocuments(new Document("_id", id).append(APPLIED_EVENTS, eventId)) > 0;
    }

    /**
     * One inbound event's change to one aggregate, for {@link #applyAllOnce}; {@code origin}: the trace and
     * correlation its events carry (that of the inbound event, taken while it was in hand: {@link #origin()}).
     */
    public record Change<S>(String id, long expectedVersion, S state, List<?> events, String causedBy, EventTracing.Origin origin) {
    }

    /**
     * The trace context and correlation of the work in hand: a consumer staging an event for a whole poll's write
     * takes it with the change, so the events written later still follow the event that caused them.
     */
    public EventTracing.Origin origin() {
        return relay.tracing().current();
    }

    /** The stored aggregates with these ids (those that exist), read at once. */
    public Map<String, Loaded<S>> findAll(Collection<String> ids) {
        Map<String, Loaded<S>> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : mongo.getCollection(collection).find(new Document("_id", new Document("$in", List.copyOf(ids))))) {
            found.put(String.valueOf(doc.get("_id")), new Loaded<>(mongo.getConverter().read(stateType, doc),
                    ((Number) doc.get(VERSION)).longValue()));
        }
        return found;
    }

    /**
     * {@link #applyOnce} for many aggregates in one bulk write (a consumer's whole poll: one store write
     * however many events it held). Each change is made only if its aggregate is still at its expected
     * version and has not applied its event yet, exactly as {@code applyOnce} would, all in one command.
     *
     * @param changes at most one per aggregate
     * @return the changes whose aggregate moved on meanwhile (neither applied now nor before): the caller
     *         decides those again, one by one
     */
    public List<Change<S>> applyAllOnce(List<Change<S>> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        if (changes.stream().map(Change::id).distinct().count() < changes.size()) {
            throw new IllegalArgumentException("at most one change per aggregate in one bulk write");
        }
        MongoCollection<Document> documents = mongo.getCollection(collection);
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        Map<String, Boolean> preLeased = new HashMap<>();
        for (Change<S> change : changes) {
            Objects.requireNonNull(change.causedBy(), "causedBy");
            // held for this instance's relay, unless a relay holds the document now: that change is handed back
            Document preLease = change.events().isEmpty() ? null : relay.preLease();
            preLeased.put(change.id(), preLease != null);
            Document[] write = update(change.id(), change.expectedVersion(), change.state(), change.events(), change.causedBy(),
                    preLease, change.origin());
            updates.add(new UpdateOneModel<>(write[0], write[1]));
        }
        int matched = documents.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getMatchedCount();
        List<Change<S>> movedOn = new ArrayList<>();
        if (matched < changes.size()) {
            // which were applied (now or by an earlier delivery) and which found their aggregate moved on
            Map<String, List<String>> applied = new HashMap<>();
            documents.find(new Document("_id", new Document("$in", changes.stream().map(Change::id).toList())))
                    .projection(new Document(APPLIED_EVENTS, 1))
                    .forEach(doc -> applied.put(String.valueOf(doc.get("_id")), doc.getList(APPLIED_EVENTS, String.class, List.of())));
            for (Change<S> change : changes) {
                if (!applied.getOrDefault(change.id(), List.of()).contains(change.causedBy())) {
                    movedOn.add(change);
                }
            }
        }
        for (Change<S> change : changes) {
            if (!movedOn.contains(change)) {
                wakeRelay(change.id(), change.events(), preLeased.get(change.id()));
            }
        }
        return movedOn;
    }

    /**
     * A write that adds events is tried first held for this instance's relay (as an insert is: the relay then
     * publishes without claiming), which only a document no relay holds at the moment takes; failing that, the
     * plain write, which also tells a version that moved on.
     */
    private boolean write(String id, long expectedVersion, S state, List<?> events, String causedBy) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Document preLease = events.isEmpty() ? null : relay.preLease();
        if (preLease != null) {
            Document[] held = update(id, expectedVersion, state, events, causedBy, preLease, null);
            if (documents.updateOne(held[0], held[1]).getMatchedCount() == 1) {
                relay.wakePreLeased(collection, id);
                return true;
            }
        }
        Document[] write = update(id, expectedVersion, state, events, causedBy, null, null);
        if (documents.updateOne(write[0], write[1]).getMatchedCount() == 0) {
            return false;
        }
        wakeRelay(id, events);
        return true;
    }

    /** The filter and the update that save {@code state} and its events over {@code expectedVersion} (and record {@code causedBy}). */
    /**
     * @param preLease the relay lease to write the document under, only if no relay holds it now; null: leave the lease as it is
     */
    private Document[] update(String id, long expectedVersion, S state, List<?> events, String causedBy, Document preLease,
            EventTracing.Origin origin) {
        long newVersion = expectedVersion + 1;
        Document doc = toDocument(state);
        Document set = new Document();
        Document unset = new Document();
        for (String field : stateFields) {
            if (doc.containsKey(field)) {
                set.put(field, doc.get(field));
            } else {
                unset.put(field, "");
            }
        }
        set.put(VERSION, newVersion);
        Document push = new Document();
        if (!events.isEmpty()) {
            push.put(PENDING_EVENTS, new Document("$each", pending(id, newVersion, events, origin)));
            set.put(RELAY_DUE, Date.from(clock.instant()));
        }
        Document filter = new Document("_id", id).append(VERSION, expectedVersion);
        if (preLease != null) {
            filter.append("$or", OutboxRelay.leaseFree(Date.from(clock.instant())));
            set.put(RELAY_LEASE, preLease);
        }
        if (causedBy != null) {
            filter.append(APPLIED_EVENTS, new Document("$ne", causedBy));
            push.put(APPLIED_EVENTS, new Document("$each", List.of(causedBy)).append("$slice", -APPLIED_EVENTS_KEPT));
        }
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        if (!push.isEmpty()) {
            update.append("$push", push);
        }
        return new Document[] {filter, update};
    }

    private void wakeRelay(String id, List<?> events) {
        wakeRelay(id, events, false);
    }

    private void wakeRelay(String id, List<?> events, boolean preLeased) {
        if (events.isEmpty()) {
            return;
        }
        if (preLeased) {
            relay.wakePreLeased(collection, id);
        } else {
            relay.wake(collection, id);
        }
    }

    /** @param given the trace and correlation to store with the events; null: the work in hand's */
    private List<Document> pending(String aggregateId, long version, List<?> events, EventTracing.Origin given) {
        // the trace context and correlation of the work in hand, stored with each event: the relay restores them
        EventTracing.Origin origin = given != null ? given : relay.tracing().current();
        List<Document> docs = new ArrayList<>(events.size());
        for (Object item : events) {
            Object event = item instanceof ToTopic routed ? routed.event() : item;
            String eventTopic = item instanceof ToTopic routed ? routed.topic() : topic;
            EventMetadata metadata = new EventMetadata(
                    UUID.randomUUID().toString(),
                    WireNames.of(event.getClass()),
                    source.uri(),
                    aggregateId,
                    clock.instant(),
                    origin.correlationId(),
                    origin.causationId(),
                    version,
                    origin.traceparent());
            docs.add(new PendingEvent(eventTopic, aggregateId, metadata, json.writeString(event)).toDocument());
        }
        return docs;
    }

    private Document toDocument(S state) {
        Document doc = new Document();
        mongo.getConverter().write(state, doc);
        doc.remove("_class");
        for (String reserved : RESERVED) {
            if (!"_id".equals(reserved) && doc.containsKey(reserved)) {
                throw new IllegalArgumentException(stateType.getName() + " must not have a field named " + reserved);
            }
        }
        doc.remove("_id");
        return doc;
    }

    private static List<String> fieldNames(MongoTemplate mongo, Class<?> type) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        List<String> names = new ArrayList<>();
        entity.doWithProperties((MongoPersistentProperty property) -> {
            if (!property.isIdProperty()) {
                names.add(property.getFieldName());
            }
        });
        names.removeIf(RESERVED::contains);
        return List.copyOf(names);
    }
}
