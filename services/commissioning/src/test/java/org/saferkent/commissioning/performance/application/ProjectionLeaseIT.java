package org.saferkent.commissioning.performance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The performance lease on the real store, with clocks the test moves: a holder whose work runs
 * longer than the lease keeps it by renewing it; a holder that crashed (stops renewing) loses it one
 * lease duration after a contender saw its last renewal; a holder that stalled past its lease finds it
 * taken over and stops; and no clock, however far ahead, takes a lease that is being renewed.
 */
class ProjectionLeaseIT {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void aStoreOfItsOwn() {
        client = MongoClients.create(RealInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "commissioning-lease-" + UUID.randomUUID());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRunningHolderKeepsTheLeaseAndACrashedOneLosesItWithinOneLease() {
        ProjectionLease rebuild = new ProjectionLease(mongo, clock, "rebuild");
        ProjectionLease refresh = new ProjectionLease(mongo, clock, "refresh");
        ProjectionLease.Hold hold = rebuild.hold(LEASE, Duration.ofMillis(20));
        assertThat(hold).isNotNull();
        assertThat(refresh.tryAcquire(LEASE)).isFalse();

        // the work runs for twice the lease: renewals keep it
        clock.advance(LEASE.multipliedBy(2));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stillHeld(hold));
        assertThat(until()).isAfter(clock.instant());
        assertThat(refresh.tryAcquire(LEASE)).isFalse();

        // the process dies: nothing renews the lease any more, and it runs out one lease after the
        // contender saw it last change
        hold.abandon();
        assertThat(refresh.tryAcquire(LEASE)).isFalse();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(refresh.tryAcquire(LEASE)).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(refresh.tryAcquire(LEASE)).isTrue();
        assertThat(rebuild.tryAcquire(LEASE)).isFalse();
    }

    @Test
    void aHolderThatStalledPastItsLeaseFindsItTakenOverAndStops() {
        ProjectionLease rebuild = new ProjectionLease(mongo, clock, "rebuild");
        ProjectionLease other = new ProjectionLease(mongo, clock, "rebuild");
        ProjectionLease.Hold stalled = rebuild.hold(LEASE, Duration.ofHours(1)); // no renewal comes in time
        assertThat(stalled).isNotNull();
        assertThat(other.hold(LEASE, Duration.ofHours(1))).isNull();

        clock.advance(LEASE.plusSeconds(1));
        ProjectionLease.Hold taken = other.hold(LEASE, Duration.ofHours(1));

        assertThat(taken).isNotNull();
        assertThatThrownBy(stalled::check).isInstanceOf(ProjectionLease.LeaseLostException.class);
        assertThatThrownBy(stalled::confirm).isInstanceOf(ProjectionLease.LeaseLostException.class);
        stalled.close(); // releases nothing: the lease is not its own any more
        taken.check();
        assertThat(new ProjectionLease(mongo, clock, "refresh").tryAcquire(LEASE)).isFalse();
        taken.close();
        assertThat(new ProjectionLease(mongo, clock, "refresh").tryAcquire(LEASE)).isTrue();
    }

    @Test
    void aContenderWhoseClockIsAnHourAheadNeverTakesALeaseThatIsBeingRenewed() {
        MovableClock ahead = new MovableClock(clock.instant().plus(Duration.ofHours(1)));
        ProjectionLease holder = new ProjectionLease(mongo, clock, "refresh");
        ProjectionLease contender = new ProjectionLease(mongo, ahead, "rebuild");
        ProjectionLease.Hold hold = holder.hold(LEASE, Duration.ofMillis(20));
        assertThat(hold).isNotNull();

        for (int round = 0; round < 3; round++) {
            assertThat(contender.tryAcquire(LEASE)).as("round " + round).isFalse();
            long version = version();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> version() > version); // renewed meanwhile
            ahead.advance(LEASE.plusSeconds(1));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(contender.tryAcquire(LEASE)).isFalse();
        hold.check();

        // once the holder stops, the contender takes it one lease (on its own clock) after the last renewal
        hold.abandon();
        assertThat(contender.tryAcquire(LEASE)).isFalse();
        ahead.advance(LEASE.plusSeconds(1));
        assertThat(contender.tryAcquire(LEASE)).isTrue();
    }

    private long version() {
        return mongo.getCollection(ProjectionLease.COLLECTION).find(new Document("_id", ProjectionLease.ID)).first()
                .get("version", Number.class).longValue();
    }

    private static boolean stillHeld(ProjectionLease.Hold hold) {
        try {
            hold.check();
            return true;
        } catch (ProjectionLease.LeaseLostException notRenewedYet) {
            return false;
        }
    }

    private Instant until() {
        Document lease = mongo.getCollection(ProjectionLease.COLLECTION).find(new Document("_id", ProjectionLease.ID)).first();
        return lease.get("until", Date.class).toInstant();
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
