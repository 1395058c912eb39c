package org.saferkent.commissioning.performance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.saferkent.commissioning.activity.application.DuplicateKeys;
import com.mongodb.client.model.FindOneAndUpdateOptions;

/**
 * Who may write performance now: one holder at a time across all instances (a lease document taken
 * with one conditional upsert), so that sequence numbers are written in order and a rebuild never
 * races a refresh. The lease is short and renewed while its work runs ({@link Hold}): a holder that
 * dies loses it within one lease duration, however long its work would have taken.
 */
class ProjectionLease {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLease.class);

    static final String COLLECTION = "projection_leases";
    static final String ID = "performance";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;
    private ScheduledExecutorService renewals;

    ProjectionLease(MongoTemplate mongo, Clock clock, String role) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = role + "-" + UUID.randomUUID();
    }

    /**
     * Takes the lease if it is free (run out) or already ours. A duplicate key here means the lease
     * document exists and is held by someone else, or another instance created it a moment ago (and
     * so holds it): either way not ours, and nothing to retry.
     */
    boolean tryAcquire(Duration duration) {
        Date now = Date.from(clock.instant());
        Document free = new Document("_id", ID).append("$or", List.of(
                new Document("until", new Document("$lt", now)), new Document("holder", holder)));
        try {
            mongo.getCollection(COLLECTION).findOneAndUpdate(free,
                    new Document("$set", new Document("holder", holder).append("until", Date.from(clock.instant().plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Extends the lease if it is still ours: @return false when someone else has taken it. */
    boolean renew(Duration duration) {
        return mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("holder", holder),
                new Document("$set", new Document("until", Date.from(clock.instant().plus(duration))))).getMatchedCount() > 0;
    }

    void release() {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID).append("holder", holder),
                new Document("$set", new Document("until", new Date(0))));
    }

    /**
     * Takes the lease for {@code duration} and renews it every {@code renewEvery} until the hold is
     * closed. @return the hold, or null when someone else holds the lease
     */
    Hold hold(Duration duration, Duration renewEvery) {
        Instant asked = clock.instant();
        if (!tryAcquire(duration)) {
            return null;
        }
        Hold hold = new Hold(duration, asked.plus(duration));
        hold.renewal = renewals().scheduleWithFixedDelay(hold::renewNow, renewEvery.toMillis(), renewEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return hold;
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

        private Hold(Duration duration, Instant validUntil) {
            this.duration = duration;
            this.validUntil = validUntil;
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

        private void renewNow() {
            if (lost) {
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

        /** Stops renewing without releasing: what a crash leaves behind (for tests). */
        void abandon() {
            renewal.cancel(false);
            lost = true;
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                release(); // only if still ours
            } catch (RuntimeException e) {
                log.warn("Could not release the performance lease of {} (it runs out by itself): {}", holder, e.toString());
            }
        }
    }

    /** The lease ran out or was taken over while its work ran: the work stops. */
    static class LeaseLostException extends RebuildInProgressException {
    }
}
