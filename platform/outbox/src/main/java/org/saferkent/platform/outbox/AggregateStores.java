package org.saferkent.platform.outbox;

import java.time.Clock;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.Topics;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Makes {@link AggregateStore}s: one per aggregate type, each with its collection and topic. */
public class AggregateStores {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventJson json;
    private final EventSource source;
    private final Topics topics;
    private final Clock clock;

    public AggregateStores(MongoTemplate mongo, OutboxRelay relay, EventJson json, EventSource source, Topics topics, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.source = source;
        this.topics = topics;
        this.clock = clock;
    }

    /** A store for aggregates of {@code stateType} kept in {@code collection}, whose events go to {@code topic}. */
    public <S> AggregateStore<S> create(String collection, String topic, Class<S> stateType) {
        topics.declare(topic);
        return new AggregateStore<>(mongo, relay, json, source, clock, collection, topic, stateType);
    }
}
