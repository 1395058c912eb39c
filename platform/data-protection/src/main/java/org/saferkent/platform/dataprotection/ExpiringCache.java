package org.saferkent.platform.dataprotection;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A small least-recently-used map whose entries also expire: bounded in size and in age. */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final int maxEntries;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries;

    ExpiringCache(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = Math.max(0, maxEntries);
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > ExpiringCache.this.maxEntries;
            }
        };
    }

    synchronized V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.expiresAt()) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }

    synchronized void put(K key, V value) {
        if (maxEntries > 0 && ttlMillis > 0) {
            entries.put(key, new Entry<>(value, clock.millis() + ttlMillis));
        }
    }

    synchronized void removeIf(Predicate<V> match) {
        entries.values().removeIf(entry -> match.test(entry.value()));
    }

    synchronized int size() {
        return entries.size();
    }
}
