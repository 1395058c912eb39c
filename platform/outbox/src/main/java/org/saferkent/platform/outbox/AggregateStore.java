package org.saferkent.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.MongoWriteException;
import com.mongodb.client.result.UpdateResult;

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
        Document doc = toDocument(state);
        doc.put("_id", id);
        doc.put(VERSION, 1L);
        doc.put(PENDING_EVENTS, pending(id, 1L, events));
        Document preLease = null;
        if (!events.isEmpty()) {
            doc.put(RELAY_DUE, Date.from(clock.instant()));
            // held for this instance's relay from the start: it publishes without claiming first
            preLease = relay.preLease();
            if (preLease != null) {
                doc.put(RELAY_LEASE, preLease);
            }
        }
        doc.put(APPLIED_EVENTS, List.of());
        try {
            mongo.getCollection(collection).insertOne(doc);
        } catch (MongoWriteException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
        if (preLease != null) {
            relay.wakePreLeased(collection, id);
        } else {
            wakeRelay(id, events);
        }
        return true;
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

    private boolean write(String id, long expectedVersion, S state, List<?> events, String causedBy) {
        long newVersion = expectedVersion + 1;
        Document doc = toDocument(state);
        Update update = new Update();
        for (String field : stateFields) {
            if (doc.containsKey(field)) {
                update.set(field, doc.get(field));
            } else {
                update.unset(field);
            }
        }
        update.set(VERSION, newVersion);
        if (!events.isEmpty()) {
            update.push(PENDING_EVENTS).each(pending(id, newVersion, events).toArray());
            update.set(RELAY_DUE, Date.from(clock.instant()));
        }
        Criteria criteria = Criteria.where("_id").is(id).and(VERSION).is(expectedVersion);
        if (causedBy != null) {
            criteria = criteria.and(APPLIED_EVENTS).ne(causedBy);
            update.push(APPLIED_EVENTS).slice(-APPLIED_EVENTS_KEPT).each(causedBy);
        }
        UpdateResult result = mongo.updateFirst(Query.query(criteria), update, collection);
        if (result.getMatchedCount() == 0) {
            return false;
        }
        wakeRelay(id, events);
        return true;
    }

    private void wakeRelay(String id, List<?> events) {
        if (!events.isEmpty()) {
            relay.wake(collection, id);
        }
    }

    private List<Document> pending(String aggregateId, long version, List<?> events) {
        // the trace context and correlation of the work in hand, stored with each event: the relay restores them
        EventTracing.Origin origin = relay.tracing().current();
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
