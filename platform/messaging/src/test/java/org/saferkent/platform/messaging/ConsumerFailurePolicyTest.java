package org.saferkent.platform.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.InvalidEventException;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures hold a consumer up (retried without limit) and which are dead-lettered after a few tries. */
class ConsumerFailurePolicyTest {

    private static final MessagingProperties PROPERTIES = new MessagingProperties(null, 2, Duration.ofMillis(50),
            Duration.ofSeconds(5), Duration.ofSeconds(20));

    @Test
    void aStoreOrBrokerOutageIsRecognisedUnderWhateverWrapsIt() {
        MongoSocketOpenException refused = new MongoSocketOpenException("Exception opening socket", new ServerAddress());
        assertThat(ConsumerFailurePolicy.isOutage(new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("timed out", new MongoTimeoutException("no server"))))).isTrue();
        assertThat(ConsumerFailurePolicy.outageCause(new DataAccessResourceFailureException("down", refused))).isSameAs(refused);
        assertThat(ConsumerFailurePolicy.isOutage(new IllegalStateException("broker did not acknowledge",
                new ExecutionException(new TimeoutException("Expiring 1 record(s)"))))).isTrue();
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(ConsumerFailurePolicy.isOutage(new IllegalStateException("store unavailable"))).isFalse();
        assertThat(ConsumerFailurePolicy.isOutage(new OptimisticLockingFailureException("lost a race"))).isFalse();
        assertThat(ConsumerFailurePolicy.isOutage(new ConcurrentUpdateException("cases", "c-1", 3))).isFalse();
        assertThat(ConsumerFailurePolicy.isOutage(new InvalidEventException("missing field 'district'"))).isFalse();
    }

    @Test
    void anOutageIsTriedWithoutLimitAtMostTheCappedDelayApartOtherFailuresAFewTimes() {
        ConsumerFailurePolicy policy = new ConsumerFailurePolicy(PROPERTIES);

        BackOffExecution outage = policy.backOffFor(new DataAccessResourceFailureException("down")).start();
        long last = 0;
        for (int attempt = 0; attempt < 1000; attempt++) {
            last = outage.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(20_000);
        }
        assertThat(last).isEqualTo(20_000);

        BackOffExecution failure = policy.backOffFor(new IllegalStateException("bug")).start();
        assertThat(failure.nextBackOff()).isEqualTo(50);
        assertThat(failure.nextBackOff()).isEqualTo(100);
        assertThat(failure.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }
}
