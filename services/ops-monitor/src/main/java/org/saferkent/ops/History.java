package org.saferkent.ops;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last few samples of named series (a group's lag, a service's backlog), in memory only: enough for
 * the page's sparklines. Restarting ops-monitor starts the lines afresh.
 */
public class History {

    public record Sample(Instant at, long value) {
    }

    private final int size;
    private final Map<String, Deque<Sample>> series = new ConcurrentHashMap<>();

    public History(int size) {
        this.size = Math.max(2, size);
    }

    public void add(String name, Instant at, long value) {
        Deque<Sample> samples = series.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (samples) {
            samples.addLast(new Sample(at, value));
            while (samples.size() > size) {
                samples.removeFirst();
            }
        }
    }

    public List<Sample> of(String name) {
        Deque<Sample> samples = series.get(name);
        if (samples == null) {
            return List.of();
        }
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }
}
