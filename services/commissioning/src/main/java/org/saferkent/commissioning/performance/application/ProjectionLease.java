package org.saferkent.commissioning.performance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
import org.saferkent.platform.outbox.DuplicateKeys;

/**
 * Who may write performance now: one holder at a time across all instances (a lease document taken
 * with one conditional write), so that sequence numbers are written in order and a rebuild never races
 * a refresh. The lease is short and renewed while its work runs ({@link Hold}): a holder that dies
 * loses it about one lease duration after its last renewal, however long its work would have taken.
 *
 * <p>No two machines' clocks are compared. Each renewal moves the document's {@code version} on; a
 * contender takes the lease over only after it has seen the same version for a whole lease duration
 * on its own clock (as Kubernetes' leader election does with its observed time), and then only with a
 * write conditional on that version, so of two contenders one wins. A holder counts its lease from the
 * moment it asked for the renewal, on its own clock: whatever the clocks say, a contender's wait ends
 * later. Only the clocks' rates must agree, never their settings. ({@code until} is stored for people
 * reading the document, and for documents written before versions.)
 *
 * <p>The lease is also the feed's fence, since a holder can stall after {@link Hold#check()} (a long
 * pause) and write on after someone took its lease over. Readers (the HTTP feed, the Kafka publisher)
 * see only feed sequences up to {@code visible}, which only a holder moves on, with a write conditional
 * on still holding the lease ({@link Hold#commit}). Before it writes cells, a holder names them in the
 * lease document ({@code pending}, also conditional on holding it), so if it stalls or dies there, the
 * next holder knows which cells a late write could still reach: it inherits them
 * ({@link Hold#inherited()}) and writes each again with a number of its own, higher than any the stalled
 * holder reserved, before it moves {@code visible} on. A cell is written only over a lower sequence
 * ({@link PerformanceStore}), so the stalled holder's late write is refused, and no number at or
 * below {@code visible} ever appears after a reader passed it. Every write of a holder to this document
 * moves its {@code version} on, so a contender never takes over from a holder that wrote meanwhile, and
 * takes over exactly the {@code pending} it read. A holder that inherits nothing moves {@code visible}
 * up to the counter at once: every number reserved so far is written (a rebuild's, swapped in before it
 * could commit them) or never will be (its holder's stage is refused). The numbers a stalled holder
 * reserved are gaps that readers never wait for, not changes they miss: the feed has gaps anyway, as
 * it gives each cell's latest change only. A publisher stalled between reading cells and sending them
 * is answered after the fact ({@link SnapshotPublisher}). No transaction: each step is one conditional
 * write.
 */
class ProjectionLease {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLease.class);

    static final String COLLECTION = "projection_leases";
    static final String ID = "performance";
    /** The highest feed sequence readers may see: every change numbered up to it is final. */
    static final String VISIBLE = "visible";
    /** The cells the holder is writing and has not committed yet. */
    static final String PENDING = "pending";
    /** Who released the lease last: a holder that takes it back free from itself knows nobody held it between. */
    static final String RELEASED_BY = "releasedBy";
    /** Who asked for the lease while it was held (a rebuild): a holder keeping it between runs gives it up. */
    static final String WANTED = "wanted";
    /** A hold kept between runs ({@link Hold#park()}) and not taken up again for this long is released by its next renewal. */
    static final Duration IDLE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;
    private ScheduledExecutorService renewals;
    /** The other holder's lease as this contender last saw it change: its holder and version, and when (own clock). */
    private Object observedVersion;
    private String observedHolder;
    private Instant observedAt;
    /** The lease document as read by the last successful {@link #tryAcquire} (null: created by it). */
    private Document acquired;
    /** The lease's version after the last successful {@link #tryAcquire} wrote it: higher for every later holder. */
    private long acquiredToken;

    ProjectionLease(MongoTemplate mongo, Clock clock, String role) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = role + "-" + UUID.randomUUID();
    }

    /**
     * Takes the lease if it is ours already, free (released, or never taken), or unchanged for a whole
     * {@code duration} since this contender first saw it so. A duplicate key on the first insert means
     * another instance created it a moment ago (and so holds it): not ours, nothing to retry.
     */
    synchronized boolean tryAcquire(Duration duration) {
        Instant now = clock.instant();
        var leases = mongo.getCollection(COLLECTION);
        Document lease = leases.find(new Document("_id", ID)).first();
        acquired = lease;
        if (lease == null) {
            try {
                leases.insertOne(new Document("_id", ID).append("holder", holder).append("version", 1L)
                        .append("until", Date.from(now.plus(duration))));
                acquiredToken = 1;
                return true;
            } catch (MongoException e) {
                if (DuplicateKeys.is(e)) {
                    return false;
                }
                throw e;
            }
        }
        Object version = lease.get("version");
        String current = lease.getString("holder");
        acquiredToken = (version instanceof Number number ? number.longValue() : 0) + 1;
        if (holder.equals(current)) {
            return renew(duration);
        }
        boolean free = current == null;
        if (!free) {
            if (!java.util.Objects.equals(version, observedVersion) || !java.util.Objects.equals(current, observedHolder)
                    || observedAt == null) {
                observedVersion = version; // it changed (or is new to us): its holder is alive as far as we know
                observedHolder = current;
                observedAt = now;
                return false;
            }
            if (now.isBefore(observedAt.plus(duration))) {
                return false;
            }
        }
        // free, or not renewed for a whole lease: take it, unless someone else moved it on meanwhile
        Document unchanged = new Document("_id", ID).append("version", version == null ? new Document("$exists", false) : version)
                .append("holder", current);
        boolean taken = leases.updateOne(unchanged, new Document("$set", new Document("holder", holder)
                .append("until", Date.from(now.plus(duration)))).append("$inc", new Document("version", 1L))
                .append("$unset", new Document(WANTED, ""))).getModifiedCount() > 0;
        observedAt = null;
        return taken;
    }

    /** Extends the lease if it is still ours (its version moves on): @return false when someone else has taken it. */
    boolean renew(Duration duration) {
        return mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("holder", holder),
                new Document("$set", new Document("until", Date.from(clock.instant().plus(duration))))
                        .append("$inc", new Document("version", 1L))).getMatchedCount() > 0;
    }

    /**
     * The highest feed sequence readers may see. Unbounded before any holder of this code set it (a
     * store written before the fence: its numbers were all written by then).
     */
    static long visible(MongoTemplate mongo) {
        Document lease = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        Number visible = lease == null ? null : (Number) lease.get(VISIBLE);
        return visible == null ? Long.MAX_VALUE : visible.longValue();
    }

    /**
     * Asks whoever holds the lease to give it up when its work allows (a rebuild waiting for it): a refresh
     * keeping it between runs ({@link Hold#park()}) then releases it instead of running again. Cleared by the
     * next take-over. Not a lease write: it moves no version on.
     */
    void want() {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append(WANTED, new Document("$exists", false)),
                new Document("$set", new Document(WANTED, holder)));
    }

    /** Frees the lease if it is still ours (what it left {@code pending} stays, for the next holder): the next contender takes it at once. */
    void release() {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("holder", holder),
                new Document("$set", new Document("holder", null).append(RELEASED_BY, holder).append("until", new Date(0)))
                        .append("$inc", new Document("version", 1L)));
    }

    /**
     * Takes the lease for {@code duration} and renews it every {@code renewEvery} until the hold is
     * closed. @return the hold, or null when someone else holds the lease
     */
    Hold hold(Duration duration, Duration renewEvery) {
        Instant asked = clock.instant();
        Document lease;
        long token;
        synchronized (this) {
            if (!tryAcquire(duration)) {
                return null;
            }
            lease = acquired;
            token = acquiredToken;
        }
        Hold hold = new Hold(duration, asked.plus(duration), inheritedFrom(lease), token, followsOwn(lease));
        if (hold.inherited().isEmpty()) {
            // nothing was left pending: every number reserved so far is written (a rebuild's, swapped in
            // before it could commit them) or never will be (its holder's stage was, or will be, refused)
            long reserved = FeedSequence.current(mongo);
            Number visible = lease == null ? null : (Number) lease.get(VISIBLE);
            if (visible == null || visible.longValue() < reserved) {
                try {
                    hold.fenced(new Document("$max", new Document(VISIBLE, reserved)));
                } catch (LeaseLostException takenMeanwhile) {
                    return null;
                }
            }
        }
        hold.renewal = renewals().scheduleWithFixedDelay(hold::renewNow, renewEvery.toMillis(), renewEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return hold;
    }

    /** Whether the lease, as taken, was this contender's still, or free and last released by it: no other holder between. */
    private boolean followsOwn(Document lease) {
        return lease != null && (holder.equals(lease.getString("holder"))
                || lease.getString("holder") == null && holder.equals(lease.getString(RELEASED_BY)));
    }

    private static List<String> inheritedFrom(Document lease) {
        List<String> pending = lease == null ? null : lease.getList(PENDING, String.class);
        return pending == null ? List.of() : List.copyOf(pending);
    }

    /** One thread renews this holder's holds; it ends when idle for a minute. */
    private synchronized ScheduledExecutorService renewals() {
        if (renewals == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, holder.substring(0, holder.indexOf('-')) + "-lease-renewal");
                thread.setDaemon(true);
                return thread;
            });
            executor.setKeepAliveTime(1, TimeUnit.MINUTES);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true); // a refresh run's renewal is cancelled a moment after it is scheduled
            renewals = executor;
        }
        return renewals;
    }

    /** The lease held while some work runs; the work asks {@link #check()} between its steps. */
    final class Hold implements AutoCloseable {

        private final Duration duration;
        /** As far as this holder can tell without asking: past this, someone may have taken it over. */
        private volatile Instant validUntil;
        private volatile boolean lost;
        private ScheduledFuture<?> renewal;
        /** Cells a holder before this one named as pending and did not commit: until this hold commits. */
        private volatile List<String> inherited;

        private final long token;
        private final boolean followsOwn;
        /** Kept between runs since this moment (null: in a run, or released). */
        private Instant parkedAt;
        private boolean released;

        private Hold(Duration duration, Instant validUntil, List<String> inherited, long token, boolean followsOwn) {
            this.duration = duration;
            this.validUntil = validUntil;
            this.inherited = inherited;
            this.token = token;
            this.followsOwn = followsOwn;
        }

        /**
         * Whether this contender's previous hold was the last before this one (the lease was still its own,
         * or free and released by it): then nothing was written under the lease since, by anyone else, and
         * what this contender kept in memory from its earlier holds is still what the store holds.
         */
        boolean followsOwn() {
            return followsOwn;
        }

        /**
         * A fencing token: the lease's version when this hold took it, higher for every hold taken
         * later. Writes without a sequence of their own (the day buckets) carry it and are refused over
         * a higher one.
         */
        long token() {
            return token;
        }

        /**
         * The cells a holder before this one was writing when it stopped or stalled: this holder writes
         * each again with a number of its own before its first {@link #commit}, so that a late write
         * of the stalled holder finds a higher sequence and is refused.
         */
        List<String> inherited() {
            return inherited;
        }

        /**
         * Names the cells about to be written (with the inherited ones), if the lease is still ours.
         *
         * @throws LeaseLostException if it is not: nothing may be written
         */
        void stage(Collection<String> keys) {
            check();
            fenced(new Document("$set", new Document(PENDING, List.copyOf(keys))));
        }

        /**
         * Lets readers see every number up to {@code upTo}, if the lease is still ours: everything this
         * holder reserved up to it is written (or refused), and what it inherited is written again.
         *
         * @throws LeaseLostException if it is not
         */
        void commit(long upTo) {
            fenced(new Document("$max", new Document(VISIBLE, upTo)).append("$set", new Document(PENDING, null)));
            inherited = List.of();
        }

        /** One write to the lease document, only while it is ours; moves its version on (a sign of life). */
        private void fenced(Document update) {
            if (lost) {
                throw new LeaseLostException();
            }
            update.append("$inc", new Document("version", 1L));
            if (mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("holder", holder), update)
                    .getMatchedCount() == 0) {
                lost = true;
                throw new LeaseLostException();
            }
        }

        /** @throws LeaseLostException if the lease was taken over or could not be renewed in time */
        void check() {
            if (lost || clock.instant().isAfter(validUntil)) {
                throw new LeaseLostException();
            }
        }

        /** Renews now and checks: before changing what live writers or readers follow. */
        void confirm() {
            renewNow();
            check();
        }

        private synchronized void renewNow() {
            if (lost || released) {
                return;
            }
            if (parkedAt != null && !clock.instant().isBefore(parkedAt.plus(IDLE))) {
                close(); // kept for a next run that did not come
                return;
            }
            Instant asked = clock.instant();
            try {
                if (renew(duration)) {
                    validUntil = asked.plus(duration);
                } else {
                    lost = true;
                    log.warn("The performance lease was taken over by another holder; {} stops", holder);
                }
            } catch (RuntimeException e) {
                // the store did not answer: the lease runs until validUntil, and the next renewal tries again
                log.warn("Could not renew the performance lease of {}: {}", holder, e.toString());
            }
        }

        /**
         * Keeps the lease after a run, for the next one (renewed meanwhile): a run that takes it up again
         * ({@link #resume()}) skips taking the lease and the last run's release, two commits of the store each run
         * while facts keep coming. Not taken up again within {@link ProjectionLease#IDLE}, the next renewal releases it.
         */
        synchronized void park() {
            parkedAt = clock.instant();
        }

        /**
         * Takes a parked hold up again for a run.
         *
         * @return {@link Resumed#YES}; {@link Resumed#ASKED_FOR} if someone asked for the lease
         *         ({@link ProjectionLease#want()}: the caller closes the hold and leaves the lease to them); or
         *         {@link Resumed#NO} if it was released, lost, or has less than half its lease ahead (the caller closes
         *         it and takes the lease anew)
         */
        synchronized Resumed resume() {
            if (parkedAt == null || released || lost || clock.instant().plus(duration.dividedBy(2)).isAfter(validUntil)) {
                return Resumed.NO;
            }
            Document lease = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
            if (lease == null || !holder.equals(lease.getString("holder"))) {
                return Resumed.NO;
            }
            if (lease.get(WANTED) != null) {
                return Resumed.ASKED_FOR;
            }
            parkedAt = null;
            return Resumed.YES;
        }

        /** Stops renewing without releasing: what a crash leaves behind (for tests); no renewal runs after it returns. */
        synchronized void abandon() {
            renewal.cancel(false);
            lost = true;
        }

        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            parkedAt = null;
            renewal.cancel(false);
            try {
                release(); // only if still ours
            } catch (RuntimeException e) {
                log.warn("Could not release the performance lease of {} (it runs out by itself): {}", holder, e.toString());
            }
        }
    }

    /** What {@link Hold#resume()} found. */
    enum Resumed { YES, ASKED_FOR, NO }

    /** The lease ran out or was taken over while its work ran: the work stops. */
    static class LeaseLostException extends RebuildInProgressException {
    }
}
