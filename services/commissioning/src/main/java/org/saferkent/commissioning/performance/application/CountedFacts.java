package org.saferkent.commissioning.performance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.LiveFacts;

/**
 * The facts a holder counted whose dirty flags it has not cleared yet. Clearing a round's flags cost a store write
 * for each kind of fact it counted, every round; now the flags of several rounds are cleared together, when a
 * round finds nothing new, once {@link #FLUSH_AFTER} has passed since the oldest was counted, or once they are half a
 * round's batch. Meanwhile the dirty facts a round reads include these: one whose {@code touch} is still the one
 * counted is not counted again; one touched since is.
 *
 * <p>What is remembered is right only while no one else counted those facts: dropped when the projection's
 * version changes, when a hold follows another holder's ({@link ProjectionLease.Hold#followsOwn()}), and when a
 * round fails (the refresh clears it). Dropped, or lost with the process, the flags are still set: the next
 * round counts those facts again, which changes nothing (a day's bucket is the sum of its facts; a cell that
 * does not change is not written).
 */
final class CountedFacts {

    /** Flags of counted facts cleared at the latest this long after the first of them was counted. */
    static final Duration FLUSH_AFTER = Duration.ofSeconds(1);

    private final Clock clock;
    private final int flushAt;
    /** Per kind: each counted fact's id and the touch it was counted at. */
    private final Map<FactKind, Map<Object, Object>> counted = new EnumMap<>(FactKind.class);
    private Instant since;
    private final KeptUnder keptUnder = new KeptUnder();

    /** @param flushAt facts (of any one kind) remembered at most: half the round's batch, so a batch read always holds new ones */
    CountedFacts(Clock clock, int flushAt) {
        this.clock = clock;
        this.flushAt = Math.max(1, flushAt);
    }

    /** Starts a round: forgets what is no longer this holder's to remember. */
    void follow(int version, ProjectionLease.Hold hold) {
        if (!keptUnder.moveTo(version, hold)) {
            empty();
        }
    }

    /** The dirty facts read that were not counted yet as they are (new, or touched since). */
    List<Document> uncounted(FactKind kind, List<Document> dirty) {
        Map<Object, Object> known = counted.getOrDefault(kind, Map.of());
        List<Document> fresh = new ArrayList<>(dirty.size());
        for (Document doc : dirty) {
            Object touch = known.get(doc.get("_id"));
            if (touch == null || !Objects.equals(touch, doc.get(LiveFacts.TOUCH))) {
                fresh.add(doc);
            }
        }
        return fresh;
    }

    /** The facts a round counted (and wrote the buckets and cells of). */
    void add(FactKind kind, List<Document> docs) {
        if (docs.isEmpty()) {
            return;
        }
        if (since == null) {
            since = clock.instant();
        }
        Map<Object, Object> known = counted.computeIfAbsent(kind, k -> new HashMap<>());
        docs.forEach(doc -> known.put(doc.get("_id"), doc.get(LiveFacts.TOUCH)));
    }

    /** Whether the flags are to be cleared now: the round found nothing new, or they are many or old enough. */
    boolean due(boolean foundNothingNew) {
        if (since == null) {
            return false;
        }
        return foundNothingNew || !clock.instant().isBefore(since.plus(FLUSH_AFTER))
                || counted.values().stream().anyMatch(known -> known.size() >= flushAt);
    }

    /** Each kind's facts to clear the flag of, as (id, touch counted); forgotten once the caller cleared them ({@link #clear()}). */
    Map<FactKind, Map<Object, Object>> toClear() {
        Map<FactKind, Map<Object, Object>> copy = new EnumMap<>(FactKind.class);
        counted.forEach((kind, known) -> {
            if (!known.isEmpty()) {
                copy.put(kind, new HashMap<>(known)); // a fact written before touches were counted has none (null)
            }
        });
        return copy;
    }

    void clear() {
        empty();
        keptUnder.forget();
    }

    private void empty() {
        counted.clear();
        since = null;
    }

    /** For tests: the facts remembered. */
    int size() {
        return counted.values().stream().mapToInt(Map::size).sum();
    }
}
