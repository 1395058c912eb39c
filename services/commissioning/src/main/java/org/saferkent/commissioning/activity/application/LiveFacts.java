package org.saferkent.commissioning.activity.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.saferkent.platform.messaging.IdempotentWrites;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes fact changes as events arrive: the "event applied" marker, the change and the "dirty" flag
 * (performance must be recomputed) are one conditional update, so a redelivered event changes
 * nothing and a crash never loses the need to recompute. {@code touch} counts changes, so the flag
 * is cleared only if nothing changed after it was read. Once written, {@link FactsChanged} is told.
 * A consumer's batch is written by {@link #applyAll}: the same conditional update per change, sent as one
 * unordered bulk write per collection.
 */
public class LiveFacts implements FactSink {

    public static final String DIRTY = "dirty";
    public static final String TOUCH = "touch";

    private final IdempotentWrites writes;
    private final Supplier<List<Integer>> versions;
    private final FactsChanged changed;

    private LiveFacts(IdempotentWrites writes, Supplier<List<Integer>> versions, FactsChanged changed) {
        this.writes = writes;
        this.versions = versions;
        this.changed = changed;
    }

    /** Writes to the version read, and to the one a rebuild is filling (as the pointer was read moments ago). */
    public static LiveFacts following(IdempotentWrites writes, ProjectionVersions pointer, FactsChanged changed) {
        return new LiveFacts(writes, pointer::liveWriteTargets, changed);
    }

    /** Writes to one version only (a rebuild catching up). */
    public static LiveFacts pinned(IdempotentWrites writes, int version) {
        return new LiveFacts(writes, () -> List.of(version), FactsChanged.NONE);
    }

    /**
     * Two topics feed one referral's facts, so two events may create the same document at once: the
     * platform's write settles that race itself (a duplicate key is retried as an update, never taken for
     * "applied before"), so each event changes each version exactly once.
     */
    @Override
    public void apply(String eventId, FactChange change) {
        for (int version : versions.get()) {
            Update update = change.toUpdate().set(DIRTY, true).inc(TOUCH, 1);
            writes.applyOnce(change.kind().collection(version), change.key(), eventId, update);
        }
        changed.changed();
    }

    /**
     * Writes a batch's changes: for each version written to, one bulk write per fact collection (each
     * change still the conditional update of {@link #apply}, so an event applied before changes nothing
     * and a batch delivered again after a crash changes nothing it had changed).
     */
    public void applyAll(List<StagedFacts.Staged> staged) {
        if (staged.isEmpty()) {
            return;
        }
        for (int version : versions.get()) {
            Map<String, List<IdempotentWrites.Change>> byCollection = new LinkedHashMap<>();
            for (StagedFacts.Staged one : staged) {
                FactChange change = one.change();
                Update update = change.toUpdate().set(DIRTY, true).inc(TOUCH, 1);
                byCollection.computeIfAbsent(change.kind().collection(version), c -> new ArrayList<>())
                        .add(new IdempotentWrites.Change(change.key(), one.eventId(), update));
            }
            byCollection.forEach(writes::applyOnce);
        }
        changed.changed();
    }
}
