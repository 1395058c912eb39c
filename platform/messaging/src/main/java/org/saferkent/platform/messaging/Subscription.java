package org.saferkent.platform.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a service consumes from one topic: for each wire name it cares about, the service's own
 * payload class (a small tolerant DTO, never the producer's class) and a handler. Other event types
 * on the topic are skipped, so producers may add types freely.
 *
 * <pre>{@code
 * Subscription.to("referrals.referral.events")
 *     .on("referrals.ReferralRouted.v1", RoutedReferral.class, cases::open);
 * }</pre>
 */
public final class Subscription {

    record Route<T>(Class<T> payloadType, EventHandler<T> handler) {
    }

    private final String topic;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();
    private Route<?> otherwise;
    private int concurrency = 1;

    private Subscription(String topic) {
        this.topic = topic;
    }

    public static Subscription to(String topic) {
        return new Subscription(topic);
    }

    public <T> Subscription on(String wireName, Class<T> payloadType, EventHandler<T> handler) {
        if (routes.putIfAbsent(wireName, new Route<>(payloadType, handler)) != null) {
            throw new IllegalArgumentException(topic + ": two handlers for " + wireName);
        }
        return this;
    }

    /** Handles every event type not named by {@link #on}, e.g. to record all operational events. */
    public <T> Subscription otherwise(Class<T> payloadType, EventHandler<T> handler) {
        this.otherwise = new Route<>(payloadType, handler);
        return this;
    }

    /** Consumer threads for this topic (at most its partition count does work). */
    public Subscription concurrency(int threads) {
        this.concurrency = threads;
        return this;
    }

    public String topic() {
        return topic;
    }

    int concurrency() {
        return concurrency;
    }

    Route<?> route(String wireName) {
        Route<?> route = routes.get(wireName);
        return route != null ? route : otherwise;
    }

    public Set<String> wireNames() {
        return Collections.unmodifiableSet(routes.keySet());
    }
}
